using System.Security.Claims;
using EnterpriseLedger.Domain;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Who sent a request: the token's user, or an operator or service without one. <see cref="Actor"/> is the
/// actor recorded on every event the request causes.
/// </summary>
public sealed record Caller(string Kind, Guid? UserId, string? Email, string TokenId)
{
    public bool IsUser => Kind == LedgerClaims.UserKind && UserId is not null;

    public bool IsOperator => Kind == LedgerClaims.OperatorKind;

    public static Caller From(ClaimsPrincipal principal) => new(
        LedgerClaims.KindOf(principal) ?? "",
        LedgerClaims.UserIdOf(principal),
        LedgerClaims.EmailOf(principal),
        principal.FindFirstValue(LedgerClaims.TokenId) ?? "");

    public Actor Actor(DateTimeOffset at) =>
        IsUser ? new Actor(UserId?.ToString() ?? "", Email, at) : new Actor($"{Kind}:{TokenId}", null, at);
}

/// <summary>Reads the caller from the request's authenticated principal.</summary>
public static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) => Api.Caller.From(context.User);
}
