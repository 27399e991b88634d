using EnterpriseLedger.Host.History;
using Shouldly;

namespace EnterpriseLedger.Tests.History;

/// <summary>Parsing <c>--at</c> and <c>?at=</c>: a stream version, or an ISO-8601 date or time.</summary>
public sealed class StreamPointTests
{
    [Fact]
    public void whole_number_is_version()
    {
        StreamPoint.TryParse("7", out var point).ShouldBeTrue();

        point.Version.ShouldBe(7);
        point.Timestamp.ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-11-03T09:30:00Z", "2026-11-03T09:30:00.0000000+00:00")]
    [InlineData("2026-11-03T09:30:00.123456Z", "2026-11-03T09:30:00.1234560+00:00")]
    [InlineData("2026-11-03T10:30:00+01:00", "2026-11-03T09:30:00.0000000+00:00")]
    [InlineData("2026-11-03T09:30", "2026-11-03T09:30:00.0000000+00:00")]
    [InlineData("2026-11-03", "2026-11-03T00:00:00.0000000+00:00")]
    public void iso_time_is_timestamp_in_utc(string text, string expected)
    {
        StreamPoint.TryParse(text, out var point).ShouldBeTrue();

        point.Version.ShouldBeNull();
        point.Timestamp.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        point.Timestamp?.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("03/11/2026")]
    [InlineData("2026-13-03")]
    public void other_text_is_rejected(string text)
    {
        StreamPoint.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void printed_time_parses_back_exactly()
    {
        var time = new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_560);

        StreamPoint.TryParse(StateText.FormatTime(time), out var point).ShouldBeTrue();

        point.Timestamp.ShouldBe(time);
    }
}
