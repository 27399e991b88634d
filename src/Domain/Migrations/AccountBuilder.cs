using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Domain.Migrations;

/// <summary>Builds the events that create an Enterprise Account with all of a company's teams under it.</summary>
internal static class AccountBuilder
{
    /// <summary>
    /// Creates the account named after <paramref name="mainTeam"/>. Users with the admin role on every team get all
    /// four permissions; every other user with a role other than collaborator gets view.
    /// </summary>
    public static MigrationDecision Migrate(
        Company company,
        CompanyMigration? current,
        MigrationRequested requested,
        MigrationTrace trace,
        Team mainTeam,
        Guid accountId)
    {
        var admins = MigrationPolicy.UniversalAdmins(company).Select(admin => admin.UserId).ToHashSet();
        var members = OfficialUsers(company)
            .Select(user => new MigratedMember(
                user.Id, user.Email, admins.Contains(user.Id) ? Permissions.All : Permissions.View))
            .ToList();

        var completed = new MigrationCompleted(
            company.Id, accountId, mainTeam.Name, mainTeam.Id, trace, requested.Actor);
        var appends = AccountAppends(company, accountId, mainTeam.Name, members, requested.Actor);
        appends.Add(new StreamAppend(company.Id, current is null, [requested, completed]));
        return new MigrationDecision(
            MigrationOutcome.Migrated, [], accountId, mainTeam.Name, members, [], trace, appends);
    }

    /// <summary>The account stream with its members and teams, and one stream per team with its roles.</summary>
    public static List<StreamAppend> AccountAppends(
        Company company, Guid accountId, string accountName, IReadOnlyList<MigratedMember> members, Actor actor)
    {
        var users = CompanyUsers(company).ToDictionary(user => user.Id);
        var accountEvents = new List<object> { new AccountCreated(accountId, accountName, company.Id, actor) };
        var teams = company.Teams.OrderBy(team => team.CreatedAt).ThenBy(team => team.Name, StringComparer.Ordinal);
        accountEvents.AddRange(teams.Select(team =>
            new TeamAttached(accountId, team.Id, team.Name, team.CreatedAt, team.ProvisionedLicenses, actor)));
        accountEvents.AddRange(members.Select(member =>
        {
            var security = users.TryGetValue(member.UserId, out var user) ? user.Security : MemberSecurity.Unknown;
            return new MemberAdded(accountId, member.UserId, member.Email, member.Permissions, security, actor);
        }));

        var appends = new List<StreamAppend> { new(accountId, true, accountEvents) };
        appends.AddRange(company.Teams.Select(team =>
            new StreamAppend(team.Id, true, [new TeamRosterImported(team.Id, accountId, team.Members, actor)])));
        return appends;
    }

    /// <summary>Every user with a role other than collaborator on any team, ordered by email.</summary>
    public static IEnumerable<CompanyUser> OfficialUsers(Company company)
    {
        var official = company.Teams
            .SelectMany(team => team.Members)
            .Where(member => TeamRoles.IsOfficial(member.Role))
            .Select(member => member.UserId)
            .ToHashSet();
        return CompanyUsers(company).Where(user => official.Contains(user.Id));
    }

    /// <summary>
    /// Every user found on the company's teams, ordered by email. Two-factor counts only when every team reports
    /// it, so that one stale record cannot overstate a user's protection; single sign-on counts when any does.
    /// </summary>
    public static IEnumerable<CompanyUser> CompanyUsers(Company company) =>
        company.Teams
            .SelectMany(team => team.Members)
            .GroupBy(member => member.UserId)
            .Select(group => new CompanyUser(group.Key, group.First().Email, new MemberSecurity(
                group.All(member => member.Security.TwoFactorAuthentication),
                group.Any(member => member.Security.Federated),
                group.Select(member => member.Security.IdentityProvider).FirstOrDefault(name => name is not null))))
            .OrderBy(user => user.Email, StringComparer.Ordinal);
}
