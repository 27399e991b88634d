using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Host.Api.Representations;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Members;

/// <summary>
/// The members of an Enterprise Account. Listing them needs view. Adding, changing permissions and removing need
/// manage, and a PATCH replaces the whole permission set, which always keeps view.
/// </summary>
[Tags("Enterprise account members")]
public static class MemberEndpoints
{
    public sealed record CreateMember(string User, IReadOnlyList<string> Permissions, bool? Federated);

    public sealed record UpdateMember(IReadOnlyList<string> Permissions);

    [WolverineGet("/enterprise-accounts/{idOrName}/members")]
    [EndpointSummary("List the members of an enterprise account and their permissions (needs view)")]
    [ProducesResponseType<IReadOnlyList<EnterpriseAccountMemberRepresentation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<IReadOnlyList<EnterpriseAccountMemberRepresentation>>(StatusCodes.Status206PartialContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> List(
        string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ListMembers, token);
        if (granted is null)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var members = granted.Account.Members.Select(member => ApiViews.Member(granted.Account, member)).ToList();
        return ApiPages.Write(context, members, "email", ApiViews.MemberKey);
    }

    [WolverinePost("/enterprise-accounts/{idOrName}/members")]
    [EndpointSummary("Add a member to an enterprise account (needs manage)")]
    [ProducesResponseType<EnterpriseAccountMemberRepresentation>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Create(
        string idOrName, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (body, idempotency, early) = await Idempotency.ReadPostAsync<CreateMember>(context, session, token);
        if (body is null || idempotency is null)
        {
            return early ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ChangeMembers, token);
        var (permissions, permissionProblem) = ParsePermissions(body.Permissions);
        if (granted is null || permissionProblem is not null)
        {
            return problem ?? permissionProblem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        if (!EmailAddress.IsValid(body.User))
        {
            return ApiProblem.Invalid("invalid_params", $"Invalid user '{body.User}': expected the user's email address.");
        }

        var userId = await UserLookup.IdForEmailAsync(session, body.User, clock.GetUtcNow(), token);
        var security = new MemberSecurity(false, body.Federated ?? false, null);
        var saved = await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => AccountDecisions.AddMember(account, userId, body.User, permissions, security, actor),
            idempotency, StatusCodes.Status201Created, view => MemberOf(view, userId), token);
        return saved;
    }

    [WolverinePatch("/enterprise-accounts/{idOrName}/members/{user}")]
    [EndpointSummary("Replace the permissions of a member (needs manage)")]
    [ProducesResponseType<EnterpriseAccountMemberRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Update(
        string idOrName, string user, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken token)
    {
        var (body, bodyProblem) = await RequestBody.ReadAsync<UpdateMember>(context.Request, token);
        if (body is null)
        {
            return bodyProblem ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        var (permissions, permissionProblem) = ParsePermissions(body.Permissions);
        var (granted, member, problem) = await FindMemberAsync(session, context, idOrName, user, token);
        if (granted is null || member is null || permissionProblem is not null)
        {
            return problem ?? permissionProblem ?? ApiProblem.NotFound("member", user);
        }

        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => AccountDecisions.SetPermissions(account, member.UserId, permissions, actor),
            idempotency: null, StatusCodes.Status200OK, view => MemberOf(view, member.UserId), token);
    }

    [WolverineDelete("/enterprise-accounts/{idOrName}/members/{user}")]
    [EndpointSummary("Remove a member from an enterprise account (needs manage)")]
    [ProducesResponseType<EnterpriseAccountMemberRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Delete(
        string idOrName, string user, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken token)
    {
        var (granted, member, problem) = await FindMemberAsync(session, context, idOrName, user, token);
        if (granted is null || member is null)
        {
            return problem ?? ApiProblem.NotFound("member", user);
        }

        var removed = ApiViews.Member(granted.Account, member);
        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => AccountDecisions.RemoveMember(account, member.UserId, actor),
            idempotency: null, StatusCodes.Status200OK, _ => removed, token);
    }

    private static async Task<(AccountAccess.Granted?, AccessMember?, IResult?)> FindMemberAsync(
        IQuerySession session, HttpContext context, string idOrName, string user, CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ChangeMembers, token);
        if (granted is null)
        {
            return (null, null, problem);
        }

        var member = Guid.TryParse(user, out var userId)
            ? granted.Account.FindMember(userId)
            : granted.Account.Members.Find(m => EmailAddress.AreSame(m.Email, user));
        return member is null ? (null, null, ApiProblem.NotFound("member", user)) : (granted, member, null);
    }

    private static EnterpriseAccountMemberRepresentation? MemberOf(AccessView view, Guid userId) =>
        view.FindMember(userId) is { } member ? ApiViews.Member(view, member) : null;

    private static (Permissions Permissions, IResult? Problem) ParsePermissions(IReadOnlyList<string>? names)
    {
        var permissions = Permissions.None;
        foreach (var name in names ?? [])
        {
            if (!PermissionNames.TryParse(name, out var permission))
            {
                var known = string.Join(", ", PermissionNames.All);
                return (permissions, ApiProblem.Invalid("invalid_params", $"Unknown permission '{name}'; expected one of {known}."));
            }

            permissions |= permission;
        }

        return (permissions, null);
    }
}
