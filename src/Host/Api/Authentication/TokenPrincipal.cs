using System.Globalization;
using System.Security.Claims;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Projections.Tokens;

namespace EnterpriseLedger.Host.Api.Authentication;

/// <summary>Builds the principal of an authenticated token from its <see cref="LedgerClaims"/>.</summary>
internal static class TokenPrincipal
{
    public static ClaimsPrincipal Create(TokenView token, string scheme)
    {
        var claims = new List<Claim>
        {
            new(LedgerClaims.TokenId, token.Id.ToString()),
            new(LedgerClaims.Kind, KindClaim(token.Kind)),
        };

        if (token is { Kind: TokenKind.User, UserId: { } userId, Email: { } email })
        {
            claims.Add(new Claim(LedgerClaims.UserId, userId.ToString()));
            claims.Add(new Claim(LedgerClaims.Email, email));
        }

        if (token.ServiceName is { } serviceName)
        {
            claims.Add(new Claim(LedgerClaims.ServiceName, serviceName));
        }

        claims.AddRange(token.Scopes.Select(scope => new Claim(LedgerClaims.Scope, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, LedgerClaims.Email, roleType: null));
    }

    private static string KindClaim(TokenKind kind) => kind switch
    {
        TokenKind.User => LedgerClaims.UserKind,
        TokenKind.Operator => LedgerClaims.OperatorKind,
        TokenKind.Service => LedgerClaims.ServiceKind,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown token kind."),
    };
}
