namespace EnterpriseLedger.Domain.Tokens;

/// <summary>The scopes a service token can hold. Only these names are accepted.</summary>
public static class TokenScopes
{
    public const string EventsRead = "events:read";

    public static IReadOnlyList<string> Known { get; } = [EventsRead];

    public static bool IsKnown(string scope) => Known.Contains(scope, StringComparer.Ordinal);
}
