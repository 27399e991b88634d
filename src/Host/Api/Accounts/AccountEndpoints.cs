using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Host.Api.Representations;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Accounts;

/// <summary>
/// <c>GET /enterprise-accounts</c> lists the caller's accounts; <c>GET</c> and <c>PATCH /enterprise-accounts/{id}</c>
/// read one, and rename it or set its identity provider (manage).
/// </summary>
[Tags("Enterprise accounts")]
public static class AccountEndpoints
{
    [WolverineGet("/enterprise-accounts")]
    [EndpointSummary("List the enterprise accounts of which the caller is a member (needs view)")]
    [ProducesResponseType<IReadOnlyList<EnterpriseAccountRepresentation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<IReadOnlyList<EnterpriseAccountRepresentation>>(StatusCodes.Status206PartialContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    public static async Task<IResult> List(HttpContext context, IQuerySession session, CancellationToken token)
    {
        var caller = context.Caller();
        if (caller.UserId is not { } userId)
        {
            return ApiPages.Write(context, Array.Empty<EnterpriseAccountRepresentation>(), "id", ApiViews.AccountKey);
        }

        var accounts = await session.Query<AccessView>()
            .Where(view => view.Members.Any(member => member.UserId == userId))
            .ToListAsync(token);
        var representations = accounts
            .Select(view => ApiViews.Account(view, view.FindMember(userId)?.Permissions ?? default))
            .ToList();
        return ApiPages.Write(context, representations, "id", ApiViews.AccountKey);
    }

    [WolverineGet("/enterprise-accounts/{idOrName}")]
    [EndpointSummary("Read an enterprise account (needs view)")]
    [ProducesResponseType<EnterpriseAccountRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> Get(
        string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ViewAccount, token);
        if (granted is null)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        context.Response.Headers.ETag = StreamWriter.ETag(granted.Account.Version);
        return Results.Json(ApiViews.Account(granted.Account, granted.CallerPermissions), ApiJson.Options);
    }

    public sealed record UpdateAccount(string? Name, IdentityProviderBody? IdentityProvider);

    public sealed record IdentityProviderBody(string Name, string SsoTargetUrl, string EntityId);

    [WolverinePatch("/enterprise-accounts/{idOrName}")]
    [EndpointSummary("Rename an enterprise account or set its identity provider (needs manage)")]
    [ProducesResponseType<EnterpriseAccountRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Patch(
        string idOrName, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (body, bodyProblem) = await RequestBody.ReadAsync<UpdateAccount>(context.Request, token);
        if (body is null)
        {
            return bodyProblem ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        var action = body.Name is null ? AccountAction.ConfigureIdentityProvider : AccountAction.RenameAccount;
        var (granted, problem) = await AccountAccess.CheckAsync(session, context.Caller(), idOrName, action, token);
        if (granted is null)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var callerId = context.Caller().UserId;
        var result = await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => Decide(account, body, context.Request, actor),
            idempotency: null, StatusCodes.Status200OK,
            view => ApiViews.Account(view, view.Members.Find(m => m.UserId == callerId)?.Permissions ?? default),
            token);

        // A rename to a name that another account already has fails in SaveChangesAsync and returns 422. Marten
        // keeps the failed changes queued, so Wolverine's transactional middleware would save them again (500).
        session.EjectAllPendingChanges();
        return result;
    }

    private static Domain.Decision Decide(EnterpriseAccount account, UpdateAccount body, HttpRequest request, Domain.Actor actor)
    {
        var events = new List<object>();
        if (body.Name is { } name)
        {
            var renamed = AccountSettingsDecisions.Rename(account, name, actor);
            if (renamed.IsRejected)
            {
                return renamed;
            }

            events.AddRange(renamed.Events);
        }

        if (IdentityProviderGiven(request))
        {
            var provider = body.IdentityProvider is { } given
                ? new IdentityProvider(account.IdentityProvider?.Id ?? Guid.CreateVersion7(actor.At), given.Name, given.SsoTargetUrl, given.EntityId)
                : null;
            var configured = AccountSettingsDecisions.SetIdentityProvider(account, provider, actor);
            if (configured.IsRejected)
            {
                return configured;
            }

            events.AddRange(configured.Events);
        }

        return Domain.Decision.Accept(events);
    }

    // A JSON null removes the identity provider, while a body without the member leaves it alone.
    private static bool IdentityProviderGiven(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(RequestBody.MembersKey, out var members)
        && members is IReadOnlySet<string> names && names.Contains("identity_provider");
}
