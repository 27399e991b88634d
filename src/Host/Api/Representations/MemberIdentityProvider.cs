using System.Text.Json.Serialization;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>
/// The <c>identity_provider</c> object of Heroku's enterprise-account-member and team-member: the provider a
/// federated member signs in through. A member that is unknown is left out instead of written as null, because
/// the schema allows each member to be missing but types none of them as nullable.
/// </summary>
public sealed record MemberIdentityProvider(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    bool Redacted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IdentityProviderOwner? Owner)
{
    /// <summary>
    /// Describes the provider of a federated member, or returns null for a member who is not federated. The
    /// account's provider is used when its name matches the one the member's team reported (or none was
    /// reported). Otherwise only the reported name is known, because the ledger keeps no id for a provider that
    /// a team used before it came under the account.
    /// </summary>
    public static MemberIdentityProvider? From(MemberSecurity security, AccessView account)
    {
        if (!security.Federated)
        {
            return null;
        }

        var reported = security.IdentityProvider;
        if (account.IdentityProvider is { } provider && (reported is null || reported == provider.Name))
        {
            var owner = IdentityProviderOwner.Of(account);
            return new MemberIdentityProvider(provider.Id, provider.Name, Redacted: false, owner);
        }

        return new MemberIdentityProvider(Id: null, reported, Redacted: false, Owner: null);
    }
}
