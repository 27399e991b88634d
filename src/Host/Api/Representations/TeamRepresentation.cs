using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>
/// An Enterprise Team as Heroku's team resource shows it. Timestamps are in UTC, so they are written with a
/// <c>Z</c> as Heroku writes them.
/// </summary>
/// <param name="CreditCardCollections">Always false, because the ledger records no payment method.</param>
/// <param name="Default">Always false, because the ledger keeps no user's default team.</param>
/// <param name="IdentityProvider">The account's identity provider, because the ledger has none per team.</param>
/// <param name="MembershipLimit">Always null, because the ledger sets no limit on a team's size.</param>
/// <param name="Role">The caller's role on the team, or null when the caller has none.</param>
/// <param name="Type">Always <c>enterprise</c>, because every team in the ledger is under an account.</param>
public sealed record TeamRepresentation(
    Guid Id,
    DateTime CreatedAt,
    bool CreditCardCollections,
    bool Default,
    EnterpriseAccountReference? EnterpriseAccount,
    IdentityProviderSummary? IdentityProvider,
    int? MembershipLimit,
    string Name,
    bool ProvisionedLicenses,
    TeamRole? Role,
    string Type,
    DateTime UpdatedAt)
{
    public const string EnterpriseType = "enterprise";

    /// <summary>Shows a team of the given account to a caller with <paramref name="callerRole"/> on it.</summary>
    /// <exception cref="ArgumentException">The team is not a team of <paramref name="account"/>.</exception>
    public static TeamRepresentation From(TeamView team, AccessView account, TeamRole? callerRole)
    {
        if (team.AccountId != account.Id)
        {
            throw new ArgumentException(
                $"Team {team.Id} belongs to account {team.AccountId}, not to {account.Id}.", nameof(account));
        }

        // NOTE: a view without CreatedAt has seen only the team's own stream so far, not the account's
        // TeamCreated or TeamAttached, so it has no name either. Its last update is used as the creation time.
        var createdAt = team.CreatedAt ?? team.UpdatedAt;
        return new TeamRepresentation(
            team.Id,
            createdAt.UtcDateTime,
            CreditCardCollections: false,
            Default: false,
            EnterpriseAccountReference.From(account),
            IdentityProviderSummary.From(account),
            MembershipLimit: null,
            team.Name,
            team.ProvisionedLicenses,
            callerRole,
            EnterpriseType,
            team.UpdatedAt.UtcDateTime);
    }
}
