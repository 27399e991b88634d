namespace EnterpriseLedger.Domain.Tokens;

/// <summary>An API token's state as its decisions need it; revoking does not depend on the holder.</summary>
public sealed record ApiToken(Guid Id, TokenKind Kind, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Folds one event into the state; a stream starts with <see cref="TokenIssued"/>.</summary>
    public static ApiToken? Evolve(ApiToken? state, object @event) => (state, @event) switch
    {
        (null, TokenIssued issued) => Create(issued),
        (null, _) => null,
        (_, TokenRevoked revoked) => state with { RevokedAt = revoked.Actor.At },
        _ => state,
    };

    public static ApiToken Create(TokenIssued issued) => new(issued.TokenId, issued.Kind, issued.ExpiresAt, null);
}
