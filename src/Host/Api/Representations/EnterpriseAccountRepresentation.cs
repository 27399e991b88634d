using EnterpriseLedger.Domain;
using EnterpriseLedger.Projections.Accounts;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>
/// An Enterprise Account as Heroku's enterprise-account resource shows it. Timestamps are in UTC, so they are
/// written with a <c>Z</c> as Heroku writes them.
/// </summary>
/// <param name="Permissions">The caller's permissions on the account, by name.</param>
/// <param name="Trial">Always false, because the ledger has no trial accounts.</param>
/// <param name="PartnerBenefits">
/// Always false, because the ledger does not record the Salesforce Partner Program.
/// </param>
public sealed record EnterpriseAccountRepresentation(
    Guid Id,
    DateTime CreatedAt,
    string Name,
    DateTime UpdatedAt,
    IReadOnlyList<string> Permissions,
    bool Trial,
    bool PartnerBenefits,
    IdentityProviderSummary? IdentityProvider)
{
    public static EnterpriseAccountRepresentation From(AccessView view, Permissions callerPermissions) => new(
        view.Id,
        view.CreatedAt.UtcDateTime,
        view.Name,
        view.UpdatedAt.UtcDateTime,
        PermissionNames.ToNames(callerPermissions),
        Trial: false,
        PartnerBenefits: false,
        IdentityProviderSummary.From(view));
}
