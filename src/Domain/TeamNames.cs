using System.Text.RegularExpressions;

namespace EnterpriseLedger.Domain;

/// <summary>The naming rule shared by teams and accounts: lower-case letters, digits and dashes.</summary>
public static partial class TeamNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    public static string Rule { get; } = $"use 1 to {MaxLength} lower-case letters, digits and dashes";

    public static string Describe(string? name) => $"invalid name '{name}': {Rule}";

    // \z rather than $, because $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9-]+\z")]
    private static partial Regex Pattern();
}
