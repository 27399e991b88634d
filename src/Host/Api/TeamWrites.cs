using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Projections.Teams;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>Runs one change to a team's roles, like <see cref="AccountWrites"/> does for accounts.</summary>
public static class TeamWrites
{
    public static async Task<IResult> ChangeAsync(
        IDocumentSession session,
        HttpContext context,
        TeamView team,
        TimeProvider clock,
        Func<EnterpriseTeam, Actor, Decision> decide,
        Func<TeamView, object?> respond,
        CancellationToken token)
    {
        var loaded = await StreamWriter.LoadTeamAsync(session, team.Id, token);
        if (loaded is null)
        {
            return ApiProblem.NotFound("team", team.Id.ToString());
        }

        if (StreamWriter.CheckIfMatch(context, loaded.Version) is { } stale)
        {
            return stale;
        }

        var decision = decide(loaded.State, context.Caller().Actor(clock.GetUtcNow()));
        var problem = await StreamWriter.AppendAsync(session, context, team.Id, loaded.Version, decision, token);
        if (problem is not null)
        {
            return problem;
        }

        var after = await session.LoadAsync<TeamView>(team.Id, token) ?? team;
        context.Response.Headers.ETag = StreamWriter.ETag(loaded.Version + decision.Events.Count);
        return Results.Json(respond(after), ApiJson.Options);
    }
}
