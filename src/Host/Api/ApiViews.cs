using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Host.Api.Representations;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Chooses the Heroku representation of each read model for a caller, and the key each list is paged by.
/// </summary>
public static class ApiViews
{
    public static EnterpriseAccountRepresentation Account(AccessView view, Permissions callerPermissions) =>
        EnterpriseAccountRepresentation.From(view, callerPermissions);

    public static EnterpriseAccountMemberRepresentation Member(AccessView account, AccessMember member) =>
        EnterpriseAccountMemberRepresentation.From(member, account);

    public static TeamRepresentation Team(TeamView team, AccessView account, Caller caller)
    {
        var role = team.Roles.Find(entry => entry.UserId == caller.UserId)?.Role;
        return TeamRepresentation.From(team, account, role);
    }

    /// <summary>
    /// Shows a team role. The team's own report of the user's safeguards comes first, then the account's.
    /// </summary>
    public static TeamMemberRepresentation TeamMember(TeamView team, TeamRoleEntry entry, AccessView account)
    {
        var security = entry.Security ?? account.FindMember(entry.UserId)?.Security ?? MemberSecurity.Unknown;
        var since = team.CreatedAt ?? team.UpdatedAt;
        return TeamMemberRepresentation.From(entry, account, security, since, team.UpdatedAt);
    }

    public static string AccountKey(EnterpriseAccountRepresentation account, string field) =>
        field == "name" ? account.Name : account.Id.ToString();

    public static string MemberKey(EnterpriseAccountMemberRepresentation member, string field) =>
        field == "id" ? member.Id.ToString() : member.User.Email;

    public static string TeamKey(TeamRepresentation team, string field) =>
        field == "id" ? team.Id.ToString() : team.Name;

    public static string TeamMemberKey(TeamMemberRepresentation member, string field) =>
        field == "id" ? member.Id.ToString() : member.Email;
}
