using System.Globalization;

namespace EnterpriseLedger.Domain.Tokens;

/// <summary>
/// Pure decisions on API tokens. The token string, its hash and the new id are made by the caller, and the
/// current time is <c>Actor.At</c>, so that a decision can be replayed.
/// </summary>
public static class TokenDecisions
{
    public static Decision Issue(Guid tokenId, string hash, TokenRequest request, Actor actor)
    {
        if (!TokenSecret.IsHash(hash))
        {
            return Decision.Reject(
                TokenErrors.InvalidHash, "The token hash must be a lower-case hex SHA-256 of the token string.");
        }

        var rejection = CheckHolder(request) ?? CheckExpiry(request.ExpiresAt, actor.At);
        if (rejection is not null)
        {
            return rejection;
        }

        var email = request.Email is null ? null : EmailAddress.Normalize(request.Email);
        var scopes = request.Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var issued = new TokenIssued(
            tokenId, hash, request.Kind, request.UserId, email, request.ServiceName, scopes, request.ExpiresAt, actor);
        return Decision.Accept(issued);
    }

    /// <summary>Revokes a token; <paramref name="token"/> is null when no token has that id.</summary>
    public static Decision Revoke(ApiToken? token, Guid tokenId, Actor actor)
    {
        if (token is null)
        {
            return Decision.Reject(TokenErrors.NotFound, $"No token with id {tokenId}.");
        }

        if (token.RevokedAt is { } revokedAt)
        {
            return Decision.Reject(
                TokenErrors.AlreadyRevoked, $"Token {tokenId} was already revoked at {Format(revokedAt)}.");
        }

        return Decision.Accept(new TokenRevoked(tokenId, actor));
    }

    private static Decision? CheckHolder(TokenRequest request) => request.Kind switch
    {
        TokenKind.User => CheckUser(request),
        TokenKind.Operator => CheckOperator(request),
        TokenKind.Service => CheckService(request),
        _ => InvalidHolder($"Unknown token kind {request.Kind}."),
    };

    private static Decision? CheckUser(TokenRequest request)
    {
        if (request.UserId is null || request.UserId == Guid.Empty)
        {
            return InvalidHolder("A user token needs the user's id.");
        }

        if (!EmailAddress.IsValid(request.Email))
        {
            return InvalidHolder($"Invalid email '{request.Email}' for a user token.");
        }

        return request.ServiceName is null && request.Scopes.Count == 0
            ? null
            : InvalidHolder("A user token has no service name and no scopes.");
    }

    private static Decision? CheckOperator(TokenRequest request) =>
        request is { UserId: null, Email: null, ServiceName: null, Scopes.Count: 0 }
            ? null
            : InvalidHolder("An operator token has no user, no service name and no scopes.");

    private static Decision? CheckService(TokenRequest request)
    {
        if (request.UserId is not null || request.Email is not null)
        {
            return InvalidHolder("A service token has no user.");
        }

        if (!TeamNames.IsValid(request.ServiceName))
        {
            return InvalidHolder($"Invalid service name '{request.ServiceName}': {TeamNames.Rule}.");
        }

        var known = string.Join(", ", TokenScopes.Known);
        if (request.Scopes.Count == 0)
        {
            return Decision.Reject(TokenErrors.ScopeRequired, $"A service token needs at least one scope: {known}.");
        }

        var unknown = request.Scopes.FirstOrDefault(scope => !TokenScopes.IsKnown(scope));
        return unknown is null
            ? null
            : Decision.Reject(TokenErrors.UnknownScope, $"Unknown scope '{unknown}'; expected one of {known}.");
    }

    private static Decision? CheckExpiry(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (expiresAt <= now)
        {
            return Decision.Reject(
                TokenErrors.InvalidExpiry, $"The expiry {Format(expiresAt)} is not in the future.");
        }

        if (expiresAt - now > TokenLifetime.Max)
        {
            return Decision.Reject(
                TokenErrors.InvalidExpiry,
                $"The expiry {Format(expiresAt)} is more than {TokenLifetime.Max.Days} days away.");
        }

        return null;
    }

    private static Decision InvalidHolder(string message) => Decision.Reject(TokenErrors.InvalidHolder, message);

    private static string Format(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
}
