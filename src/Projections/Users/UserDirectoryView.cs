using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using JasperFx.Events.Grouping;
using Marten.Events.Projections;

namespace EnterpriseLedger.Projections.Users;

/// <summary>
/// A user of the ledger, keyed by lower-case email: an account member or a user with a role on a team,
/// collaborators included. An entry stays when its user leaves an account or a team.
/// </summary>
public sealed class UserDirectoryView
{
    /// <summary>The user's email in lower case.</summary>
    public string Id { get; set; } = "";

    public Guid UserId { get; set; }
}

/// <summary>Builds <see cref="UserDirectoryView"/> from account members and team rosters and roles.</summary>
public sealed partial class UserDirectoryProjection : MultiStreamProjection<UserDirectoryView, string>
{
    public UserDirectoryProjection()
    {
        Identity<MemberAdded>(added => EmailAddress.Normalize(added.Email));
        Identity<TeamRoleAssigned>(assigned => EmailAddress.Normalize(assigned.Email));

        // A roster names many users. Its members are fanned out before grouping, so that each is routed by its email.
        FanOut<TeamRosterImported, TeamRoleHolder>(imported => imported.Members, FanoutMode.BeforeGrouping);
        Identity<TeamRoleHolder>(holder => EmailAddress.Normalize(holder.Email));
    }

    public void Apply(MemberAdded added, UserDirectoryView view) => Set(view, added.Email, added.UserId);

    public void Apply(TeamRoleAssigned assigned, UserDirectoryView view) => Set(view, assigned.Email, assigned.UserId);

    public void Apply(TeamRoleHolder holder, UserDirectoryView view) => Set(view, holder.Email, holder.UserId);

    private static void Set(UserDirectoryView view, string email, Guid userId)
    {
        view.Id = EmailAddress.Normalize(email);
        view.UserId = userId;
    }
}
