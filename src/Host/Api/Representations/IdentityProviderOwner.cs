using System.Text.Json.Serialization;
using EnterpriseLedger.Projections.Accounts;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>The account or team that owns an identity provider: the <c>owner</c> object of Heroku's schema.</summary>
public sealed record IdentityProviderOwner(Guid Id, string Name, IdentityProviderOwnerType Type)
{
    public static IdentityProviderOwner Of(AccessView account) =>
        new(account.Id, account.Name, IdentityProviderOwnerType.EnterpriseAccount);
}

public enum IdentityProviderOwnerType
{
    [JsonStringEnumMemberName("team")] Team,
    [JsonStringEnumMemberName("enterprise-account")] EnterpriseAccount,
}
