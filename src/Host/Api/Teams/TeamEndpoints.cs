using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Host.Api.Representations;
using EnterpriseLedger.Projections.Teams;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Teams;

/// <summary>
/// The teams of an Enterprise Account. A member is shown only the teams in which they hold a role. Creating,
/// renaming and deleting need create. The creator of a team becomes its admin, so that they can see it. A read of one team
/// returns the team's ETag (<see cref="TeamWrites.ETag"/>), and a rename or deletion checks If-Match against it.
/// </summary>
[Tags("Teams")]
public static class TeamEndpoints
{
    public sealed record CreateTeam(string Name);

    public sealed record UpdateTeam(string Name);

    [WolverineGet("/enterprise-accounts/{idOrName}/teams")]
    [EndpointSummary("List the account's teams in which the caller holds a role (needs view)")]
    [ProducesResponseType<IReadOnlyList<TeamRepresentation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<IReadOnlyList<TeamRepresentation>>(StatusCodes.Status206PartialContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> List(
        string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
    {
        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckAsync(session, caller, idOrName, AccountAction.ListTeams, token);
        if (granted is null)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var teams = await session.Query<TeamView>().Where(team => team.AccountId == granted.Account.Id).ToListAsync(token);
        var visible = teams.Where(team => AccountAccess.HoldsRole(team, caller))
            .Select(team => ApiViews.Team(team, granted.Account, caller))
            .ToList();
        return ApiPages.Write(context, visible, "name", ApiViews.TeamKey);
    }

    [WolverinePost("/enterprise-accounts/{idOrName}/teams")]
    [EndpointSummary("Create a team, with the caller as its admin (needs create)")]
    [ProducesResponseType<TeamRepresentation>(StatusCodes.Status201Created)]
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
        var (body, idempotency, early) = await Idempotency.ReadPostAsync<CreateTeam>(context, session, token);
        if (body is null || idempotency is null)
        {
            return early ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckAsync(session, caller, idOrName, AccountAction.CreateTeam, token);
        if (granted is null || caller.UserId is not { } userId || caller.Email is not { } email)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var response = new TeamView
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), AccountId = granted.Account.Id, Name = body.Name,
        };
        response.SetRoles([new TeamRoleEntry(userId, email, TeamRole.Admin)]);
        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => DecideCreate(session, response, account, actor),
            idempotency, StatusCodes.Status201Created, view => ApiViews.Team(response, view, caller), token);
    }

    /// <summary>
    /// Decides on a new team and, once the account accepts it, starts the team's stream with the creator as its
    /// admin. Nothing may be queued for a rejected team, because Wolverine's transactional middleware saves the
    /// session after the endpoint returns, even when it returns a problem.
    /// </summary>
    private static Decision DecideCreate(
        IDocumentSession session, TeamView team, EnterpriseAccount account, Actor actor)
    {
        var decision = TeamDecisions.CreateTeam(account, team.Id, team.Name, actor);
        if (decision.IsRejected)
        {
            return decision;
        }

        // The response's team has exactly one role, its creator's.
        var creator = team.Roles[0];
        session.Events.StartStream(
            team.Id, new TeamRoleAssigned(team.Id, account.Id, creator.UserId, creator.Email, TeamRole.Admin, actor));
        team.CreatedAt = actor.At;
        team.UpdatedAt = actor.At;
        return decision;
    }

    [WolverineGet("/teams/{idOrName}")]
    [EndpointSummary("Read a team (needs view and a role on the team)")]
    [ProducesResponseType<TeamRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> Get(
        string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
    {
        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckTeamAsync(session, caller, idOrName, AccountAction.ViewTeam, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        var teamVersion = await TeamWrites.StreamVersionAsync(session, team.Id, token);
        context.Response.Headers.ETag = TeamWrites.ETag(granted.Account.Version, teamVersion);
        return Results.Json(ApiViews.Team(team, granted.Account, caller), ApiJson.Options);
    }

    [WolverinePatch("/teams/{idOrName}")]
    [EndpointSummary("Rename a team (needs create and a role on the team)")]
    [ProducesResponseType<TeamRepresentation>(StatusCodes.Status200OK)]
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
        var (body, bodyProblem) = await RequestBody.ReadAsync<UpdateTeam>(context.Request, token);
        if (body is null)
        {
            return bodyProblem ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckTeamAsync(session, caller, idOrName, AccountAction.RenameTeam, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        var teamVersion = await TeamWrites.StreamVersionAsync(session, team.Id, token);
        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => DecideRename(team, account, body.Name, actor),
            idempotency: null, StatusCodes.Status200OK, view => ApiViews.Team(team, view, caller),
            accountVersion => TeamWrites.ETag(accountVersion, teamVersion), token);
    }

    /// <summary>Decides on a rename and updates the response's team as the rename will change its view.</summary>
    private static Decision DecideRename(TeamView team, EnterpriseAccount account, string name, Actor actor)
    {
        var decision = TeamDecisions.RenameTeam(account, team.Id, name, actor);
        if (decision.Events.Count > 0)
        {
            team.Name = name;
            team.UpdatedAt = actor.At;
        }

        return decision;
    }

    [WolverineDelete("/teams/{idOrName}")]
    [EndpointSummary("Delete a team (needs create and a role on the team)")]
    [ProducesResponseType<TeamRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    public static async Task<IResult> Delete(
        string idOrName, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckTeamAsync(session, caller, idOrName, AccountAction.DeleteTeam, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        var teamVersion = await TeamWrites.StreamVersionAsync(session, team.Id, token);
        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => TeamDecisions.DeleteTeam(account, team.Id, actor),
            idempotency: null, StatusCodes.Status200OK, view => ApiViews.Team(team, view, caller),
            accountVersion => TeamWrites.ETag(accountVersion, teamVersion), token);
    }
}
