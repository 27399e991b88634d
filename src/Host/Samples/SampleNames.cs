using System.Text;

namespace EnterpriseLedger.Host.Samples;

/// <summary>Turns generated display names into team names and email addresses that pass validation.</summary>
internal static class SampleNames
{
    /// <summary>
    /// Lower-cases a name and keeps ASCII letters and digits, with one dash for each run of anything else.
    /// Drops apostrophes, cuts the result to <paramref name="maxLength"/> and returns "company" when nothing is left.
    /// </summary>
    public static string Slug(string name, int maxLength)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var character in name.ToLowerInvariant())
        {
            if (IsLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (character != '\'' && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString(0, Math.Min(slug.Length, maxLength)).Trim('-');
        return text.Length > 0 ? text : "company";
    }

    /// <summary>Returns "ana.silva", or "asilva" in the initial style, with every other character dropped.</summary>
    public static string EmailLocalPart(string firstName, string lastName, bool initialStyle)
    {
        var first = LettersAndDigits(firstName);
        var last = LettersAndDigits(lastName);
        if (first.Length == 0 || last.Length == 0)
        {
            return first.Length + last.Length > 0 ? first + last : "user";
        }

        return initialStyle ? $"{first[0]}{last}" : $"{first}.{last}";
    }

    /// <summary>
    /// Adds <c>stem + suffix</c> to <paramref name="reserved"/>, or, when it is already there, the first free
    /// <c>stem + separator + n + suffix</c> for n = 2, 3, and so on. Returns the value added.
    /// </summary>
    public static string Reserve(HashSet<string> reserved, string stem, string separator, string suffix)
    {
        var candidate = stem + suffix;
        for (var number = 2; !reserved.Add(candidate); number++)
        {
            candidate = $"{stem}{separator}{number}{suffix}";
        }

        return candidate;
    }

    private static string LettersAndDigits(string text) =>
        string.Concat(text.ToLowerInvariant().Where(IsLetterOrDigit));

    private static bool IsLetterOrDigit(char character) => character is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
