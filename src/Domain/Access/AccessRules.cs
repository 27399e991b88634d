namespace EnterpriseLedger.Domain.Access;

/// <summary>
/// The permission table of Enterprise Accounts. Every member holds view, which shows the account, its Access view
/// (members and permissions) and the teams in which the member holds a role. Manage adds changing members and
/// settings, and managing the teams in which the member holds a role; create adds creating, renaming and deleting
/// teams. Billing governs only usage, which is not an action here.
/// </summary>
public static class AccessRules
{
    public static Permissions Required(AccountAction action) => action switch
    {
        AccountAction.RenameAccount or AccountAction.ConfigureIdentityProvider => Permissions.Manage,
        AccountAction.ChangeMembers or AccountAction.ChangeTeamMembers => Permissions.Manage,
        AccountAction.ReadAuditLog => Permissions.Manage,
        AccountAction.CreateTeam or AccountAction.RenameTeam or AccountAction.DeleteTeam => Permissions.Create,
        _ => Permissions.View,
    };

    /// <summary>
    /// Tells whether the action is about one team, which the caller must hold a role in to see at all.
    /// </summary>
    public static bool ConcernsOneTeam(AccountAction action) => action is AccountAction.ViewTeam
        or AccountAction.RenameTeam or AccountAction.DeleteTeam
        or AccountAction.ListTeamMembers or AccountAction.ChangeTeamMembers;

    /// <summary>
    /// Decides a caller's request. A caller who is not a member, or who holds no role in the team concerned, is told
    /// the resource does not exist, so that nobody learns of accounts or teams they could not see before.
    /// </summary>
    /// <param name="callerPermissions">The caller's permissions on the account, or null for a non-member.</param>
    /// <param name="holdsTeamRole">Whether the caller holds a role in the team concerned, if any.</param>
    public static AccessDecision Check(AccountAction action, Permissions? callerPermissions, bool holdsTeamRole)
    {
        if (callerPermissions is not { } held || (ConcernsOneTeam(action) && !holdsTeamRole))
        {
            return AccessDecision.NotFound;
        }

        return held.HasFlag(Required(action)) ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }
}

public enum AccessDecision
{
    Allowed,
    Forbidden,
    NotFound,
}
