using System.Text.Json.Serialization;

namespace EnterpriseLedger.Domain.Tokens;

/// <summary>Who an API token speaks for: a user, an operator (migrations and other admin work) or a service.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TokenKind>))]
public enum TokenKind
{
    [JsonStringEnumMemberName("user")] User,
    [JsonStringEnumMemberName("operator")] Operator,
    [JsonStringEnumMemberName("service")] Service,
}

public static class TokenKinds
{
    public static string ToName(TokenKind kind) => kind.ToString().ToLowerInvariant();
}
