using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace EnterpriseLedger.Host.Audit;

/// <summary>
/// The query parameters of an audit log search, checked: the search, the cursor token of a later page, and the
/// format, when the request names one.
/// </summary>
public sealed record AuditSearchParameters(AuditSearch Search, string? Cursor, AuditExportFormat? Format)
{
    public const string Actor = "actor";
    public const string Action = "action";
    public const string Type = "type";
    public const string Team = "team";
    public const string Since = "since";
    public const string Until = "until";
    public const string Order = "order";
    public const string Limit = "limit";
    public const string FormatName = "format";
    public const string CursorName = "cursor";

    /// <summary>The longest filter value accepted, enough for any email address (254 characters).</summary>
    public const int MaxValueLength = 256;

    public static IReadOnlyList<string> Names { get; } =
        [Actor, Action, Type, Team, Since, Until, Order, Limit, FormatName, CursorName];

    private const string TimeForm = "an ISO-8601 date-time with a time zone, such as 2026-11-30T08:00:00Z or "
        + "2026-11-30T09:00:00%2B01:00 (a + in a URL is written %2B), or a date, such as 2026-11-30";

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// Parses the parameters of a request. Returns an error that names the first invalid, unknown or repeated
    /// parameter and the form it expects, or null with the parameters.
    /// </summary>
    public static (AuditSearchParameters? Parameters, string? Error) Parse(
        IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in query)
        {
            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                return (null, $"Unknown parameter '{name}'. Expected one of {string.Join(", ", Names)}.");
            }

            if (given.Count != 1)
            {
                return (null, $"The parameter {name} is given {given.Count} times. Give it once.");
            }

            values[name] = given.ToString();
        }

        var reader = new Reader(values);
        var filters = new AuditSearchFilters(
            reader.ReadText(Actor, "an email address or a process name, such as ana@example.com or system:migration"),
            reader.ReadText(Action, "an action, such as add or grant"),
            reader.ReadText(Type, "an entry type, such as enterprise_account_member"),
            reader.ReadText(Team, "a team name or id"),
            reader.ReadTime(Since),
            reader.ReadTime(Until));
        var order = reader.ReadOrder();
        var limit = reader.ReadLimit();
        var format = reader.ReadFormat();
        var cursor = reader.ReadText(CursorName, "the cursor of a Link header with rel=\"next\"");
        if (reader.Error is { } error)
        {
            return (null, error);
        }

        if (filters is { Since: { } since, Until: { } until } && until <= since)
        {
            return (null, $"Invalid {Until} '{values[Until]}'. Expected a time after {Since} '{values[Since]}'.");
        }

        return (new AuditSearchParameters(new AuditSearch(filters, order, limit), cursor, format), null);
    }

    /// <summary>Reads parameter values and keeps the first error.</summary>
    private sealed class Reader(Dictionary<string, string> values)
    {
        private const int MaxQuotedLength = 100;

        public string? Error { get; private set; }

        public string? ReadText(string name, string expected)
        {
            if (!values.TryGetValue(name, out var value))
            {
                return null;
            }

            return value.Length is > 0 and <= MaxValueLength
                ? value
                : Reject<string?>(name, value, $"{expected}, of 1 to {MaxValueLength} characters", null);
        }

        public DateTimeOffset? ReadTime(string name)
        {
            if (!values.TryGetValue(name, out var value))
            {
                return null;
            }

            const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            return DateTimeOffset.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, utc, out var time)
                ? time
                : Reject<DateTimeOffset?>(name, value, TimeForm, null);
        }

        public AuditSearchOrder ReadOrder() => values.GetValueOrDefault(Order) switch
        {
            null or "asc" => AuditSearchOrder.Ascending,
            "desc" => AuditSearchOrder.Descending,
            var value => Reject(Order, value, "asc or desc", AuditSearchOrder.Ascending),
        };

        public int ReadLimit()
        {
            if (!values.TryGetValue(Limit, out var value))
            {
                return AuditSearch.DefaultLimit;
            }

            var valid = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                && limit is >= 1 and <= AuditSearch.MaxLimit;
            return valid
                ? limit
                : Reject(Limit, value, $"an integer from 1 to {AuditSearch.MaxLimit}", AuditSearch.DefaultLimit);
        }

        public AuditExportFormat? ReadFormat()
        {
            if (!values.TryGetValue(FormatName, out var value))
            {
                return null;
            }

            return AuditEntryFormats.TryParse(value, out var format)
                ? format
                : Reject<AuditExportFormat?>(FormatName, value, "json, ndjson or csv", null);
        }

        private T Reject<T>(string name, string value, string expected, T fallback)
        {
            var quoted = value.Length <= MaxQuotedLength ? value : value[..MaxQuotedLength] + "...";
            Error ??= $"Invalid {name} '{quoted}'. Expected {expected}.";
            return fallback;
        }
    }
}
