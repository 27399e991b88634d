using System.Security.Claims;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// The claims the bearer-token handler puts on an authenticated request, and typed reads of them.
/// A user token carries the user's id and email; an operator or service token carries neither.
/// </summary>
public static class LedgerClaims
{
    public const string Scheme = "LedgerToken";
    public const string TokenId = "ledger:token_id";
    public const string Kind = "ledger:kind";
    public const string UserId = "ledger:user_id";
    public const string Email = "ledger:email";
    public const string ServiceName = "ledger:service";
    public const string Scope = "ledger:scope";

    public const string UserKind = "user";
    public const string OperatorKind = "operator";
    public const string ServiceKind = "service";

    public static string? KindOf(ClaimsPrincipal principal) => principal.FindFirstValue(Kind);

    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), out var id) ? id : null;

    public static string? EmailOf(ClaimsPrincipal principal) => principal.FindFirstValue(Email);

    public static bool HasScope(ClaimsPrincipal principal, string scope) =>
        principal.FindAll(Scope).Any(claim => claim.Value == scope);
}
