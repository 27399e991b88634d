using System.Globalization;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// A point in a stream's life: a stream version (1 is the first event), or an instant that includes every event
/// stored at or before it.
/// </summary>
public sealed record StreamPoint(long? Version, DateTimeOffset? Timestamp)
{
    public const string Expected =
        "a stream version from 1, or an ISO-8601 time such as 2026-11-03T09:30:00Z (UTC when no offset is given)";

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static StreamPoint AtVersion(long version) => new(version, null);

    public static StreamPoint AtTimestamp(DateTimeOffset timestamp) => new(null, timestamp);

    /// <summary>
    /// Parses a whole number as a version and anything else as an ISO-8601 date or date and time. Returns false for
    /// text that is neither, and for a version below 1.
    /// </summary>
    public static bool TryParse(string? text, out StreamPoint point)
    {
        point = AtVersion(0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version))
        {
            point = AtVersion(version);
            return version >= 1;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(
                text, TimestampFormats, CultureInfo.InvariantCulture, styles, out var timestamp))
        {
            return false;
        }

        point = AtTimestamp(timestamp);
        return true;
    }

    public override string ToString() =>
        Timestamp is { } timestamp
            ? StateText.FormatTime(timestamp)
            : $"version {Version?.ToString(CultureInfo.InvariantCulture)}";
}
