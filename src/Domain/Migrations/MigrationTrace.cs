namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// The facts a migration decision rested on, so that a developer can see why it went the way it did.
/// </summary>
/// <param name="LicensedTeams">Names of the teams with provisioned licenses.</param>
/// <param name="UniversalAdmins">Emails of the users with the admin role on every team.</param>
/// <param name="MainTeam">
/// The team the account is, or would be, named after; null when more than one team has licenses.
/// </param>
/// <param name="MainTeamRule"><c>licensed</c> or <c>earliest-created</c>: how the main team was chosen.</param>
public sealed record MigrationTrace(
    IReadOnlyList<string> LicensedTeams,
    IReadOnlyList<string> UniversalAdmins,
    string? MainTeam,
    string? MainTeamRule);
