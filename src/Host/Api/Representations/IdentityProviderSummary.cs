using EnterpriseLedger.Projections.Accounts;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>
/// The <c>identity_provider</c> object of Heroku's enterprise-account and team: the provider's id and name and
/// its owner, with no other members because the schema marks the object strict.
/// </summary>
public sealed record IdentityProviderSummary(Guid Id, string Name, IdentityProviderOwner Owner)
{
    /// <summary>Returns the account's identity provider, or null when the account has none.</summary>
    public static IdentityProviderSummary? From(AccessView account) =>
        account.IdentityProvider is { } provider
            ? new IdentityProviderSummary(provider.Id, provider.Name, IdentityProviderOwner.Of(account))
            : null;
}
