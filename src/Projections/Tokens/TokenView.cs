using EnterpriseLedger.Domain.Tokens;
using Marten.Events.Aggregation;

namespace EnterpriseLedger.Projections.Tokens;

/// <summary>
/// An API token as the bearer-token handler and <c>tokens list</c> read it. <see cref="Hash"/> is the hex SHA-256
/// of the token string, for lookup; the token string itself is stored nowhere.
/// </summary>
public sealed class TokenView
{
    public Guid Id { get; set; }

    public string Hash { get; set; } = "";

    public TokenKind Kind { get; set; }

    public Guid? UserId { get; set; }

    public string? Email { get; set; }

    public string? ServiceName { get; set; }

    public List<string> Scopes { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}

/// <summary>Builds <see cref="TokenView"/> from a token's stream.</summary>
public sealed partial class TokenViewProjection : SingleStreamProjection<TokenView, Guid>
{
    public TokenView Create(TokenIssued issued) => new()
    {
        Id = issued.TokenId,
        Hash = issued.Hash,
        Kind = issued.Kind,
        UserId = issued.UserId,
        Email = issued.Email,
        ServiceName = issued.ServiceName,
        Scopes = issued.Scopes.ToList(),
        ExpiresAt = issued.ExpiresAt,
        CreatedAt = issued.Actor.At,
        CreatedBy = issued.Actor.Id,
    };

    public void Apply(TokenRevoked revoked, TokenView view) => view.RevokedAt = revoked.Actor.At;
}
