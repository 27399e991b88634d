namespace EnterpriseLedger.Domain.Tokens;

/// <summary>An event on an API token's stream, whose stream id is the token id.</summary>
public interface ITokenEvent
{
    Guid TokenId { get; }

    Actor Actor { get; }
}

/// <summary>
/// A token was issued. <paramref name="Hash"/> is the hex SHA-256 of the token string; the token itself is never
/// recorded. A user token names its user, a service token its service and scopes, an operator token neither.
/// </summary>
public sealed record TokenIssued(
    Guid TokenId,
    string Hash,
    TokenKind Kind,
    Guid? UserId,
    string? Email,
    string? ServiceName,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt,
    Actor Actor) : ITokenEvent;

/// <summary>The token no longer authenticates anyone, from <c>Actor.At</c> on.</summary>
public sealed record TokenRevoked(Guid TokenId, Actor Actor) : ITokenEvent;
