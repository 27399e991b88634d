namespace EnterpriseLedger.Domain.Accounts;

/// <summary>
/// Pure decisions on the teams of an Enterprise Account. The account keeps the team names so that it can
/// enforce that they are unique within it.
/// </summary>
public static class TeamDecisions
{
    public static Decision CreateTeam(EnterpriseAccount account, Guid teamId, string name, Actor actor)
    {
        if (account.Teams.ContainsKey(teamId))
        {
            return Decision.Reject(AccountErrors.TeamExists, $"{account.Name} already has a team with id {teamId}.");
        }

        return CheckName(account, name, exceptTeam: null)
            ?? Decision.Accept(new TeamCreated(account.Id, teamId, name, actor));
    }

    public static Decision RenameTeam(EnterpriseAccount account, Guid teamId, string newName, Actor actor)
    {
        if (!account.Teams.TryGetValue(teamId, out var oldName))
        {
            return TeamNotFound(account, teamId);
        }

        if (oldName == newName)
        {
            return Decision.Accept();
        }

        return CheckName(account, newName, exceptTeam: teamId)
            ?? Decision.Accept(new TeamRenamed(account.Id, teamId, oldName, newName, actor));
    }

    public static Decision DeleteTeam(EnterpriseAccount account, Guid teamId, Actor actor) =>
        account.Teams.TryGetValue(teamId, out var name)
            ? Decision.Accept(new TeamDeleted(account.Id, teamId, name, actor))
            : TeamNotFound(account, teamId);

    private static Decision? CheckName(EnterpriseAccount account, string name, Guid? exceptTeam)
    {
        if (!TeamNames.IsValid(name))
        {
            return Decision.Reject(AccountErrors.InvalidName, $"Invalid team name '{name}': {TeamNames.Rule}.");
        }

        var isTaken = account.Teams.Any(team => team.Value == name && team.Key != exceptTeam);
        return isTaken
            ? Decision.Reject(AccountErrors.NameTaken, $"{account.Name} already has a team named '{name}'.")
            : null;
    }

    private static Decision TeamNotFound(EnterpriseAccount account, Guid teamId) =>
        Decision.Reject(AccountErrors.TeamNotFound, $"{account.Name} has no team {teamId}.");
}
