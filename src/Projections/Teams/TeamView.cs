using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using Marten.Events.Projections;

namespace EnterpriseLedger.Projections.Teams;

/// <summary>
/// An Enterprise Team with its account and the role of each user on it. A user's teams are the views whose
/// <see cref="UserEmails"/> contain the user, so a member never sees a team in which they hold no role.
/// </summary>
public sealed class TeamView
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool ProvisionedLicenses { get; set; }

    public List<TeamRoleEntry> Roles { get; set; } = [];

    /// <summary>
    /// The emails in <see cref="Roles"/>, kept as a flat list so that a containment index can serve lookups.
    /// </summary>
    public List<string> UserEmails { get; set; } = [];

    public void SetRoles(IEnumerable<TeamRoleEntry> roles)
    {
        Roles = roles.OrderBy(entry => entry.Email, StringComparer.Ordinal).ToList();
        UserEmails = Roles.Select(entry => entry.Email).ToList();
    }
}

/// <summary>A user's role on a team; <paramref name="Security"/> is null when the team did not report it.</summary>
public sealed record TeamRoleEntry(Guid UserId, string Email, TeamRole Role, MemberSecurity? Security = null);

/// <summary>
/// Builds <see cref="TeamView"/> from two kinds of stream: the account's (name, creation, deletion) and the
/// team's own (roles), both keyed by team id.
/// </summary>
public sealed partial class TeamViewProjection : MultiStreamProjection<TeamView, Guid>
{
    public TeamViewProjection()
    {
        Identity<TeamAttached>(attached => attached.TeamId);
        Identity<TeamCreated>(created => created.TeamId);
        Identity<TeamRenamed>(renamed => renamed.TeamId);
        Identity<TeamDeleted>(deleted => deleted.TeamId);
        Identity<ITeamEvent>(teamEvent => teamEvent.TeamId);
    }

    public void Apply(TeamAttached attached, TeamView view)
    {
        view.Id = attached.TeamId;
        view.AccountId = attached.AccountId;
        view.Name = attached.Name;
        view.CreatedAt = attached.CreatedAt;
        view.ProvisionedLicenses = attached.ProvisionedLicenses;
        view.UpdatedAt = attached.Actor.At;
    }

    public void Apply(TeamCreated created, TeamView view)
    {
        view.Id = created.TeamId;
        view.AccountId = created.AccountId;
        view.Name = created.Name;
        view.CreatedAt = created.Actor.At;
        view.UpdatedAt = created.Actor.At;
    }

    public void Apply(TeamRenamed renamed, TeamView view)
    {
        view.Name = renamed.NewName;
        view.UpdatedAt = renamed.Actor.At;
    }

    public bool ShouldDelete(TeamDeleted deleted) => true;

    public void Apply(TeamRosterImported imported, TeamView view)
    {
        view.Id = imported.TeamId;
        view.AccountId = imported.AccountId;
        view.SetRoles(imported.Members.Select(member =>
            new TeamRoleEntry(member.UserId, member.Email, member.Role, member.Security)));
    }

    public void Apply(TeamRoleAssigned assigned, TeamView view)
    {
        var previous = view.Roles.Find(entry => entry.UserId == assigned.UserId);
        var others = view.Roles.Where(entry => entry.UserId != assigned.UserId);
        var entry = new TeamRoleEntry(assigned.UserId, assigned.Email, assigned.Role, previous?.Security);
        view.SetRoles(others.Append(entry));
        view.UpdatedAt = assigned.Actor.At;
    }

    public void Apply(TeamRoleRemoved removed, TeamView view)
    {
        view.SetRoles(view.Roles.Where(entry => entry.UserId != removed.UserId));
        view.UpdatedAt = removed.Actor.At;
    }
}
