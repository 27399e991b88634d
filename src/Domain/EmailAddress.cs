using System.Text.RegularExpressions;

namespace EnterpriseLedger.Domain;

/// <summary>Email checks shared by every input: addresses compare case-insensitively.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? email) =>
        email is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(email);

    public static bool AreSame(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    // One "@", no spaces, and a dot in the domain: strict enough to catch typos, loose enough for real addresses.
    // \z rather than $, because $ also matches before a final newline.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+\z")]
    private static partial Regex Pattern();
}
