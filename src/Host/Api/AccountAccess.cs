using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Finds the account (and team) a request names and applies the permission table to the caller. A caller who
/// may not see the resource gets 404, one who may see it but not do the action gets 403.
/// </summary>
public static class AccountAccess
{
    public sealed record Granted(AccessView Account, Permissions CallerPermissions, TeamView? Team);

    public static async Task<(Granted? Granted, IResult? Problem)> CheckAsync(
        IQuerySession session, Caller caller, string accountIdOrName, AccountAction action, CancellationToken token)
    {
        var account = await FindAccountAsync(session, accountIdOrName, token);
        var member = account is not null && caller.UserId is { } userId ? account.FindMember(userId) : null;
        if (account is null || member is null)
        {
            return (null, ApiProblem.NotFound("enterprise account", accountIdOrName));
        }

        return Decide(account, member.Permissions, team: null, holdsRole: false, action, accountIdOrName);
    }

    public static async Task<(Granted? Granted, IResult? Problem)> CheckTeamAsync(
        IQuerySession session, Caller caller, string teamIdOrName, AccountAction action, CancellationToken token)
    {
        var team = await FindTeamAsync(session, caller, teamIdOrName, token);
        var account = team is null ? null : await session.LoadAsync<AccessView>(team.AccountId, token);
        var member = account is not null && caller.UserId is { } userId ? account.FindMember(userId) : null;
        if (team is null || account is null || member is null)
        {
            return (null, ApiProblem.NotFound("team", teamIdOrName));
        }

        return Decide(account, member.Permissions, team, HoldsRole(team, caller), action, teamIdOrName);
    }

    public static bool HoldsRole(TeamView team, Caller caller) =>
        caller.UserId is { } userId && team.Roles.Any(entry => entry.UserId == userId);

    private static (Granted?, IResult?) Decide(
        AccessView account, Permissions permissions, TeamView? team, bool holdsRole, AccountAction action, string identity)
    {
        var decision = AccessRules.Check(action, permissions, holdsRole);
        return decision switch
        {
            AccessDecision.Allowed => (new Granted(account, permissions, team), null),
            AccessDecision.Forbidden => (null, ApiProblem.Forbidden(
                $"This action needs the {PermissionNames.Format(AccessRules.Required(action))} permission on {account.Name}.")),
            _ => (null, ApiProblem.NotFound(team is null ? "enterprise account" : "team", identity)),
        };
    }

    private static async Task<AccessView?> FindAccountAsync(IQuerySession session, string idOrName, CancellationToken token) =>
        Guid.TryParse(idOrName, out var id)
            ? await session.LoadAsync<AccessView>(id, token)
            : await session.Query<AccessView>().FirstOrDefaultAsync(view => view.Name == idOrName, token);

    /// <summary>
    /// Finds a team by id, or by name among the teams in which the caller holds a role, because team names are
    /// unique only within an account.
    /// </summary>
    private static async Task<TeamView?> FindTeamAsync(
        IQuerySession session, Caller caller, string idOrName, CancellationToken token)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            return await session.LoadAsync<TeamView>(id, token);
        }

        var named = await session.Query<TeamView>().Where(view => view.Name == idOrName).ToListAsync(token);
        var visible = named.Where(team => HoldsRole(team, caller));
        return visible.Concat(named).FirstOrDefault();
    }
}
