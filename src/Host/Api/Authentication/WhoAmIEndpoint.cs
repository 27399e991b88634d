using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace EnterpriseLedger.Host.Api.Authentication;

/// <summary><c>GET /account</c>: the calling user's account, in the shape of Heroku's Account resource.</summary>
public static class WhoAmIEndpoint
{
    public sealed record AccountResponse(Guid Id, string Email);

    public static RouteHandlerBuilder MapWhoAmI(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/account", Get);

    [Tags("Account")]
    [EndpointSummary("Read the calling user's account (needs a user token)")]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public static IResult Get(ClaimsPrincipal caller) =>
        LedgerClaims.UserIdOf(caller) is { } id && LedgerClaims.EmailOf(caller) is { } email
            ? Results.Json(new AccountResponse(id, email), ApiJson.Options)
            : LedgerAuthentication.Forbid("Only a user token has an account; this is an operator or service token.");
}
