using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Projections.Teams;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Teams;

/// <summary>
/// The teams of an Enterprise Account. A member sees only the teams in which they hold a role; creating, renaming
/// and deleting need create. The creator of a team becomes its admin, so that they can see it.
/// </summary>
public static class TeamEndpoints
{
    public sealed record CreateTeam(string Name);

    public sealed record UpdateTeam(string Name);

    [WolverineGet("/enterprise-accounts/{idOrName}/teams")]
    public static async Task<IResult> List(string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
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
    public static async Task<IResult> Create(
        string idOrName, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (body, bytes, bodyProblem) = await RequestBody.ReadWithTextAsync<CreateTeam>(context.Request, token);
        var (idempotency, keyProblem) = Idempotency.Read(context, bytes);
        if (body is null || idempotency is null)
        {
            return bodyProblem ?? keyProblem ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        if (await Idempotency.ReplayAsync(session, idempotency, token) is { } replay)
        {
            return replay;
        }

        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckAsync(session, caller, idOrName, AccountAction.CreateTeam, token);
        if (granted is null || caller.UserId is not { } userId || caller.Email is not { } email)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var now = clock.GetUtcNow();
        var teamId = Guid.CreateVersion7(now);
        var creatorRole = new TeamRoleAssigned(teamId, granted.Account.Id, userId, email, TeamRole.Admin, caller.Actor(now));
        session.Events.StartStream(teamId, creatorRole);
        var response = new TeamView
        {
            Id = teamId, AccountId = granted.Account.Id, Name = body.Name, CreatedAt = now, UpdatedAt = now,
        };
        response.SetRoles([new TeamRoleEntry(userId, email, TeamRole.Admin)]);
        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => TeamDecisions.CreateTeam(account, teamId, body.Name, actor),
            idempotency, StatusCodes.Status201Created, view => ApiViews.Team(response, view, caller), token);
    }

    [WolverineGet("/teams/{idOrName}")]
    public static async Task<IResult> Get(string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
    {
        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckTeamAsync(session, caller, idOrName, AccountAction.ViewTeam, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        return Results.Json(ApiViews.Team(team, granted.Account, caller), ApiJson.Options);
    }

    [WolverinePatch("/teams/{idOrName}")]
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

        team.Name = body.Name;
        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => TeamDecisions.RenameTeam(account, team.Id, body.Name, actor),
            idempotency: null, StatusCodes.Status200OK, view => ApiViews.Team(team, view, caller), token);
    }

    [WolverineDelete("/teams/{idOrName}")]
    public static async Task<IResult> Delete(
        string idOrName, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var caller = context.Caller();
        var (granted, problem) = await AccountAccess.CheckTeamAsync(session, caller, idOrName, AccountAction.DeleteTeam, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        return await AccountWrites.ChangeAsync(session, context, granted.Account.Id, clock,
            (account, actor) => TeamDecisions.DeleteTeam(account, team.Id, actor),
            idempotency: null, StatusCodes.Status200OK, view => ApiViews.Team(team, view, caller), token);
    }
}
