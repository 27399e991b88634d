namespace EnterpriseLedger.Domain.Access;

/// <summary>
/// Everything a caller can do under an Enterprise Account, each decided by <see cref="AccessRules"/>.
/// </summary>
public enum AccountAction
{
    ViewAccount,
    RenameAccount,
    ConfigureIdentityProvider,
    ListMembers,
    ChangeMembers,
    ListTeams,
    CreateTeam,
    ViewTeam,
    RenameTeam,
    DeleteTeam,
    ListTeamMembers,
    ChangeTeamMembers,
    ReadAuditLog,
}
