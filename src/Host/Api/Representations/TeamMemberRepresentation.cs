using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>
/// A user's role on an Enterprise Team as Heroku's team-member resource shows it. Timestamps are in UTC, so they
/// are written with a <c>Z</c> as Heroku writes them.
/// </summary>
/// <param name="Id">The member's user id, because the ledger keys a role by its user.</param>
/// <param name="Role">
/// The role's name. NOTE: Heroku's schema lists admin, collaborator, member and owner here but not viewer, so a
/// viewer's representation fails a strict check against that schema.
/// </param>
public sealed record TeamMemberRepresentation(
    DateTime CreatedAt,
    string Email,
    bool Federated,
    Guid Id,
    MemberIdentityProvider? IdentityProvider,
    TeamRole Role,
    bool TwoFactorAuthentication,
    DateTime UpdatedAt,
    TeamMemberUser User)
{
    /// <summary>Shows one role of a team of <paramref name="account"/>.</summary>
    /// <param name="security">The user's sign-in safeguards, as the team reported them.</param>
    /// <param name="createdAt">When the user got a role on the team.</param>
    /// <param name="updatedAt">When the user's role last changed.</param>
    public static TeamMemberRepresentation From(
        TeamRoleEntry entry,
        AccessView account,
        MemberSecurity security,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt) => new(
        createdAt.UtcDateTime,
        entry.Email,
        security.Federated,
        entry.UserId,
        MemberIdentityProvider.From(security, account),
        entry.Role,
        security.TwoFactorAuthentication,
        updatedAt.UtcDateTime,
        new TeamMemberUser(entry.Email, entry.UserId, Name: null));
}

/// <summary>The <c>user</c> object of a team member.</summary>
/// <param name="Name">The user's full name: always null, because the ledger stores none.</param>
public sealed record TeamMemberUser(string Email, Guid Id, string? Name);
