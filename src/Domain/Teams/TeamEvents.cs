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

/// <summary>
/// A user now has <paramref name="Role"/> on the team. <paramref name="PreviousRole"/> is null when they had none.
/// </summary>
public sealed record TeamRoleAssigned(
    Guid TeamId, Guid AccountId, Guid UserId, string Email, TeamRole Role, Actor Actor, TeamRole? PreviousRole = null)
    : ITeamEvent;

/// <summary>A user no longer has <paramref name="Role"/>, or any role, on the team.</summary>
public sealed record TeamRoleRemoved(Guid TeamId, Guid AccountId, Guid UserId, string Email, TeamRole Role, Actor Actor)
    : ITeamEvent;

public sealed record TeamRoleHolder(Guid UserId, string Email, TeamRole Role, MemberSecurity Security);
