using EnterpriseLedger.Projections.Accounts;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>A member of an Enterprise Account as Heroku's enterprise-account-member resource shows it.</summary>
/// <param name="Id">The member's user id, because the ledger keys a membership by its user.</param>
public sealed record EnterpriseAccountMemberRepresentation(
    EnterpriseAccountReference EnterpriseAccount,
    Guid Id,
    IReadOnlyList<PermissionRepresentation> Permissions,
    EnterpriseAccountMemberUser User,
    bool TwoFactorAuthentication,
    MemberIdentityProvider? IdentityProvider)
{
    public static EnterpriseAccountMemberRepresentation From(AccessMember member, AccessView account) => new(
        EnterpriseAccountReference.From(account),
        member.UserId,
        PermissionRepresentation.List(member.Permissions),
        new EnterpriseAccountMemberUser(member.Email, member.UserId),
        member.Security.TwoFactorAuthentication,
        MemberIdentityProvider.From(member.Security, account));
}

/// <summary>The <c>user</c> object of an enterprise account member: these two members and no others.</summary>
public sealed record EnterpriseAccountMemberUser(string Email, Guid Id);
