using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Domain.Migrations;

// A company whose input passed validation: every field is present, roles and permissions are parsed,
// and emails are in lower case. The migration decision works on this shape only.

public sealed record Company(Guid Id, string Name, IReadOnlyList<Team> Teams, BetaAccount? BetaAccount);

public sealed record Team(
    Guid Id, string Name, DateTimeOffset CreatedAt, bool ProvisionedLicenses, IReadOnlyList<TeamRoleHolder> Members);

public sealed record BetaAccount(Guid Id, string Name, IReadOnlyList<BetaMember> Members);

public sealed record BetaMember(Guid UserId, string Email, Permissions Permissions);

/// <summary>A user as found across a company's teams, with the sign-in safeguards any team reported.</summary>
public sealed record CompanyUser(Guid Id, string Email, MemberSecurity Security);
