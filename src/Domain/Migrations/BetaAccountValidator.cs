namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// Validates the Enterprise Account that a beta company already has; it is recorded exactly as given.
/// </summary>
internal static class BetaAccountValidator
{
    private const string Path = "$.enterprise_account";

    public static BetaAccount Build(BetaAccountInput? input, IReadOnlyList<Team> teams)
    {
        var account = input ?? throw new InvalidInputException(
            new InputError(Path, "a company that took part in the beta must give its enterprise_account"));
        var id = CompanyValidator.RequireId(account.Id, $"{Path}.id");
        var name = CompanyValidator.RequireText(account.Name, $"{Path}.name");
        if (!TeamNames.IsValid(name))
        {
            CompanyValidator.Fail($"{Path}.name", TeamNames.Describe(name));
        }

        var members = CompanyValidator.Require(account.Members, $"{Path}.members")
            .Select((member, index) => BuildMember(member, $"{Path}.members[{index}]"))
            .ToList();
        if (members.Count == 0)
        {
            CompanyValidator.Fail($"{Path}.members", "an Enterprise Account needs at least one member");
        }

        CompanyValidator.CheckUnique(
            members.Select(member => member.Email),
            $"{Path}.members[{{0}}].user.email",
            "member");
        CompanyValidator.CheckUnique(
            members.Select(member => member.UserId.ToString()),
            $"{Path}.members[{{0}}].user.id",
            "member");
        CheckAgainstTeams(members, teams);
        return new BetaAccount(id, name, members);
    }

    private static BetaMember BuildMember(BetaMemberInput? input, string path)
    {
        var member = CompanyValidator.Require(input, path);
        var (userId, email) = CompanyValidator.BuildUser(member.User, $"{path}.user");
        var names = CompanyValidator.Require(member.Permissions, $"{path}.permissions");
        var permissions = Permissions.None;
        for (var index = 0; index < names.Count; index++)
        {
            if (names[index] is not { } name || !PermissionNames.TryParse(name, out var permission))
            {
                var expected = string.Join(", ", PermissionNames.All);
                CompanyValidator.Fail(
                    $"{path}.permissions[{index}]",
                    $"unknown permission '{names[index]}'; expected one of {expected}");
                continue;
            }

            permissions |= permission;
        }

        if (!permissions.HasFlag(Permissions.View))
        {
            CompanyValidator.Fail($"{path}.permissions", "every member holds view");
        }

        return new BetaMember(userId, email, permissions);
    }

    /// <summary>
    /// Rejects a member whose id the teams give with another email, or whose email they give with another id.
    /// </summary>
    private static void CheckAgainstTeams(List<BetaMember> members, IReadOnlyList<Team> teams)
    {
        var teamUsers = teams.SelectMany(team => team.Members).DistinctBy(member => member.UserId).ToList();
        for (var index = 0; index < members.Count; index++)
        {
            var member = members[index];
            var conflict = teamUsers.FirstOrDefault(user =>
                (user.UserId == member.UserId) != (user.Email == member.Email));
            if (conflict is not null)
            {
                CompanyValidator.Fail(
                    $"{Path}.members[{index}].user",
                    $"user {member.UserId} <{member.Email}> conflicts with "
                    + $"{conflict.UserId} <{conflict.Email}> on the teams");
            }
        }
    }
}
