using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Host.Api.Representations;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.TeamMembers;

/// <summary>
/// Team roles: listing needs a role on the team; assigning and removing roles needs manage and a role on the team.
/// The list returns the team's ETag (<see cref="TeamWrites.ETag"/>), and role changes check If-Match against it.
/// </summary>
[Tags("Team members")]
public static class TeamMemberEndpoints
{
    public sealed record PutTeamMember(string Email, string Role, bool? Federated);

    [WolverineGet("/teams/{idOrName}/members")]
    [EndpointSummary("List a team's members and their roles (needs view and a role on the team)")]
    [ProducesResponseType<IReadOnlyList<TeamMemberRepresentation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<IReadOnlyList<TeamMemberRepresentation>>(StatusCodes.Status206PartialContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> List(
        string idOrName, HttpContext context, IQuerySession session, CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckTeamAsync(
            session, context.Caller(), idOrName, AccountAction.ListTeamMembers, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        var members = team.Roles.Select(entry => ApiViews.TeamMember(team, entry, granted.Account)).ToList();
        var teamVersion = await TeamWrites.StreamVersionAsync(session, team.Id, token);
        context.Response.Headers.ETag = TeamWrites.ETag(granted.Account.Version, teamVersion);
        return ApiPages.Write(context, members, "email", ApiViews.TeamMemberKey);
    }

    [WolverinePut("/teams/{idOrName}/members")]
    [EndpointSummary("Give a user a role on a team, or change it (needs manage and a role on the team)")]
    [ProducesResponseType<TeamMemberRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Put(
        string idOrName, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (body, bodyProblem) = await RequestBody.ReadAsync<PutTeamMember>(context.Request, token);
        if (body is null)
        {
            return bodyProblem ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object.");
        }

        // The caller's access comes first, so that a caller who may not change the team gets 403 or 404 whatever
        // the values sent, as on the member endpoints.
        var (granted, problem) = await AccountAccess.CheckTeamAsync(
            session, context.Caller(), idOrName, AccountAction.ChangeTeamMembers, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        if (!EmailAddress.IsValid(body.Email) || !TeamRoles.TryParse(body.Role, out var role))
        {
            return ApiProblem.Invalid("invalid_params",
                $"Expected an email and a role ({string.Join(", ", TeamRoles.Names)}); got '{body.Email}' and '{body.Role}'.");
        }

        var email = EmailAddress.Normalize(body.Email);
        var userId = await UserLookup.IdForEmailAsync(session, email, clock.GetUtcNow(), token);
        return await TeamWrites.ChangeAsync(session, context, team, granted.Account.Version, clock,
            (state, actor) => TeamRoleDecisions.Assign(state, userId, email, role, actor),
            after => after.Roles.Find(entry => entry.UserId == userId) is { } entry
                ? ApiViews.TeamMember(after, entry, granted.Account)
                : null,
            token);
    }

    [WolverineDelete("/teams/{idOrName}/members/{member}")]
    [EndpointSummary("Remove a user's role on a team (needs manage and a role on the team)")]
    [ProducesResponseType<TeamMemberRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Delete(
        string idOrName, string member, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckTeamAsync(
            session, context.Caller(), idOrName, AccountAction.ChangeTeamMembers, token);
        if (granted?.Team is not { } team)
        {
            return problem ?? ApiProblem.NotFound("team", idOrName);
        }

        var entry = team.Roles.Find(role => role.UserId.ToString() == member || EmailAddress.AreSame(role.Email, member));
        if (entry is null)
        {
            return ApiProblem.NotFound("team member", member);
        }

        var removed = ApiViews.TeamMember(team, entry, granted.Account);
        return await TeamWrites.ChangeAsync(session, context, team, granted.Account.Version, clock,
            (state, actor) => TeamRoleDecisions.Remove(state, entry.UserId, actor), _ => removed, token);
    }
}
