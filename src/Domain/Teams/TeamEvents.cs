using EnterpriseLedger.Domain.Accounts;

namespace EnterpriseLedger.Domain.Teams;

/// <summary>An event on an Enterprise Team's stream, whose stream id is the team id.</summary>
public interface ITeamEvent
{
    Guid TeamId { get; }

    Guid AccountId { get; }

    Actor Actor { get; }
}

/// <summary>The roles a team had when it came under an Enterprise Account, one entry per user.</summary>
public sealed record TeamRosterImported(Guid TeamId, Guid AccountId, IReadOnlyList<TeamRoleHolder> Members, Actor Actor)
    : ITeamEvent;

public sealed record TeamRoleAssigned(
    Guid TeamId, Guid AccountId, Guid UserId, string Email, TeamRole Role, Actor Actor) : ITeamEvent;

public sealed record TeamRoleRemoved(Guid TeamId, Guid AccountId, Guid UserId, Actor Actor) : ITeamEvent;

public sealed record TeamRoleHolder(Guid UserId, string Email, TeamRole Role, MemberSecurity Security);
