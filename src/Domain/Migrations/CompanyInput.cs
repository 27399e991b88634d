namespace EnterpriseLedger.Domain.Migrations;

// The migration input: one company with its Enterprise Teams, in the field names of Heroku's Platform API
// (`team`, `team-member`), read from JSON with snake_case names. Fields are nullable because the input is
// untrusted. CompanyValidator rejects the company at the first missing required field and reports that field's
// JSON path. A member's two_factor_authentication and federated default to false when missing, and
// identity_provider is optional.

public sealed record CompanyInput(
    CompanyReference? Company,
    bool? ParticipatedInBeta,
    BetaAccountInput? EnterpriseAccount,
    IReadOnlyList<TeamInput?>? Teams);

public sealed record CompanyReference(Guid? Id, string? Name);

public sealed record TeamInput(
    Guid? Id,
    string? Name,
    DateTimeOffset? CreatedAt,
    bool? ProvisionedLicenses,
    IReadOnlyList<TeamMemberInput?>? Members);

public sealed record TeamMemberInput(
    UserReference? User,
    string? Role,
    bool? TwoFactorAuthentication,
    bool? Federated,
    IdentityProviderReference? IdentityProvider);

public sealed record UserReference(Guid? Id, string? Email);

public sealed record IdentityProviderReference(Guid? Id, string? Name);

public sealed record BetaAccountInput(Guid? Id, string? Name, IReadOnlyList<BetaMemberInput?>? Members);

public sealed record BetaMemberInput(UserReference? User, IReadOnlyList<string?>? Permissions);
