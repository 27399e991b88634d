using System.Globalization;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>A calendar month in UTC, written <c>yyyy-MM</c>: the span of one audit archive.</summary>
public readonly record struct AuditPeriod(int Year, int Month)
{
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset End => Start.AddMonths(1);

    public static AuditPeriod Of(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month);

    /// <exception cref="FormatException">The text is not a month such as <c>2026-11</c>.</exception>
    public static AuditPeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"Invalid month '{text}'; expected yyyy-MM, such as 2026-11.");

    public static bool TryParse(string? text, out AuditPeriod period)
    {
        period = default;
        if (!DateTime.TryParseExact(
            text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        period = new AuditPeriod(parsed.Year, parsed.Month);
        return true;
    }

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
