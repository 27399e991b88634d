namespace EnterpriseLedger.Domain.Teams;

/// <summary>Pure decisions on the roles of an Enterprise Team.</summary>
public static class TeamRoleDecisions
{
    public const string NoRole = "no_team_role";
    public const string LastAdmin = "last_team_admin";

    public static Decision Assign(EnterpriseTeam team, Guid userId, string email, TeamRole role, Actor actor)
    {
        if (team.Roles.TryGetValue(userId, out var current) && current.Role == role && current.Email == email)
        {
            return Decision.Accept();
        }

        if (current is { Role: TeamRole.Admin } && role != TeamRole.Admin && AdminCount(team) == 1)
        {
            return LastAdminRejected(current);
        }

        var assigned = new TeamRoleAssigned(team.Id, team.AccountId, userId, email, role, actor, current?.Role);
        return Decision.Accept(assigned);
    }

    public static Decision Remove(EnterpriseTeam team, Guid userId, Actor actor)
    {
        if (!team.Roles.TryGetValue(userId, out var current))
        {
            return Decision.Reject(NoRole, $"User {userId} holds no role on team {team.Id}.");
        }

        if (current.Role == TeamRole.Admin && AdminCount(team) == 1)
        {
            return LastAdminRejected(current);
        }

        var removed = new TeamRoleRemoved(team.Id, team.AccountId, userId, current.Email, current.Role, actor);
        return Decision.Accept(removed);
    }

    private static int AdminCount(EnterpriseTeam team) =>
        team.Roles.Values.Count(holder => holder.Role == TeamRole.Admin);

    private static Decision LastAdminRejected(TeamRoleHolder holder) =>
        Decision.Reject(LastAdmin, $"{holder.Email} is the team's last admin; make another user admin first.");
}
