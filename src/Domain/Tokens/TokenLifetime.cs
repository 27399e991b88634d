using System.Globalization;
using System.Text.RegularExpressions;

namespace EnterpriseLedger.Domain.Tokens;

/// <summary>Token lifetimes written as a whole number of days or hours, such as <c>30d</c> or <c>12h</c>.</summary>
public static partial class TokenLifetime
{
    public static TimeSpan Default { get; } = TimeSpan.FromDays(30);

    public static TimeSpan Max { get; } = TimeSpan.FromDays(365);

    public const string Format = "Nd or Nh, such as 30d or 12h";

    /// <summary>Parses <c>Nd</c> or <c>Nh</c> with N at least 1; returns null for anything else.</summary>
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text);
        var count = match.Success ? int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) : 0;
        if (count == 0)
        {
            return null;
        }

        return match.Groups["unit"].Value == "d" ? TimeSpan.FromDays(count) : TimeSpan.FromHours(count);
    }

    // At most six digits, so the count fits an int; \z rather than $, because $ also matches before a final newline.
    [GeneratedRegex(@"^(?<count>[0-9]{1,6})(?<unit>[dh])\z")]
    private static partial Regex Pattern();
}
