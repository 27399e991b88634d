using System.Collections.Immutable;

namespace EnterpriseLedger.Domain.Teams;

/// <summary>An Enterprise Team's roles: the role of each user on it.</summary>
public sealed record EnterpriseTeam(Guid Id, Guid AccountId, ImmutableDictionary<Guid, TeamRoleHolder> Roles)
{
    /// <summary>
    /// Folds one event into the state. A migrated team's stream starts with <see cref="TeamRosterImported"/>, a team
    /// created through the API with its creator's <see cref="TeamRoleAssigned"/>.
    /// </summary>
    public static EnterpriseTeam? Evolve(EnterpriseTeam? state, object @event) => (state, @event) switch
    {
        (null, TeamRosterImported imported) => Create(imported),
        (null, TeamRoleAssigned assigned) =>
            new EnterpriseTeam(assigned.TeamId, assigned.AccountId, []).Apply(assigned),
        (null, _) => null,
        (_, TeamRoleAssigned assigned) => state.Apply(assigned),
        (_, TeamRoleRemoved removed) => state.Apply(removed),
        _ => state,
    };

    public static EnterpriseTeam Create(TeamRosterImported imported) =>
        new(imported.TeamId, imported.AccountId, imported.Members.ToImmutableDictionary(member => member.UserId));

    public EnterpriseTeam Apply(TeamRoleAssigned assigned)
    {
        var security = Roles.TryGetValue(assigned.UserId, out var existing)
            ? existing.Security
            : Accounts.MemberSecurity.Unknown;
        var holder = new TeamRoleHolder(assigned.UserId, assigned.Email, assigned.Role, security);
        return this with { Roles = Roles.SetItem(assigned.UserId, holder) };
    }

    public EnterpriseTeam Apply(TeamRoleRemoved removed) => this with { Roles = Roles.Remove(removed.UserId) };
}
