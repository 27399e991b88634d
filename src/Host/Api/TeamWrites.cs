using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Projections.Teams;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Runs one change to a team's roles, like <see cref="AccountWrites"/> does for accounts, and computes a team's
/// ETag.
/// </summary>
public static class TeamWrites
{
    /// <summary>
    /// Returns a team's ETag, such as <c>"12.4"</c>. A team's representation comes from two streams: the account's
    /// (the team's name, and the account shown with it) and the team's own (its roles). The ETag pairs both
    /// versions, so it changes when either stream does.
    /// </summary>
    /// <remarks>
    /// NOTE: a write appends to one of the two streams, and only that stream's version is checked again when the
    /// events are saved. A change to the other stream between the If-Match check and the save is not caught.
    /// </remarks>
    public static string ETag(long accountVersion, long teamVersion) => $"\"{accountVersion}.{teamVersion}\"";

    /// <summary>Returns the version of the team's own stream, or 0 when the team has no stream.</summary>
    public static async Task<long> StreamVersionAsync(IQuerySession session, Guid teamId, CancellationToken token) =>
        (await session.Events.FetchStreamStateAsync(teamId, token))?.Version ?? 0;

    /// <param name="accountVersion">The version of the team's account as the request read it.</param>
    public static async Task<IResult> ChangeAsync(
        IDocumentSession session,
        HttpContext context,
        TeamView team,
        long accountVersion,
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

        if (StreamWriter.CheckIfMatch(context, ETag(accountVersion, loaded.Version)) is { } stale)
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
        context.Response.Headers.ETag = ETag(accountVersion, loaded.Version + decision.Events.Count);
        return Results.Json(respond(after), ApiJson.Options);
    }
}
