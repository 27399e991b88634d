using EnterpriseLedger.Projections.Accounts;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>The <c>enterprise_account</c> object that Heroku's enterprise-account-member and team embed.</summary>
public sealed record EnterpriseAccountReference(Guid Id, string Name)
{
    public static EnterpriseAccountReference From(AccessView account) => new(account.Id, account.Name);
}
