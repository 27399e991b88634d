namespace EnterpriseLedger.Domain.Tokens;

/// <summary>What a new token is for: its kind, its holder and its scopes, and when it stops working.</summary>
public sealed record TokenRequest(
    TokenKind Kind,
    Guid? UserId,
    string? Email,
    string? ServiceName,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt)
{
    public static TokenRequest ForUser(Guid userId, string email, DateTimeOffset expiresAt) =>
        new(TokenKind.User, userId, email, null, [], expiresAt);

    public static TokenRequest ForOperator(DateTimeOffset expiresAt) =>
        new(TokenKind.Operator, null, null, null, [], expiresAt);

    public static TokenRequest ForService(string serviceName, IReadOnlyList<string> scopes, DateTimeOffset expiresAt) =>
        new(TokenKind.Service, null, null, serviceName, scopes, expiresAt);
}
