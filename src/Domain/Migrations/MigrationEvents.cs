namespace EnterpriseLedger.Domain.Migrations;

/// <summary>An event on a company's migration stream, whose stream id is the company id.</summary>
public interface IMigrationEvent
{
    Guid CompanyId { get; }

    Actor Actor { get; }
}

/// <summary>
/// A migration input as received, kept so that the decision can be replayed and explained later.
/// <paramref name="InputSha256"/> is the hex SHA-256 of <paramref name="Input"/>'s UTF-8 bytes.
/// </summary>
public sealed record MigrationRequested(
    Guid CompanyId, string CompanyName, string Input, string InputSha256, Actor Actor)
    : IMigrationEvent;

/// <summary>
/// The company got no account. <paramref name="Reasons"/> lists every rule that blocked it; the banner
/// recipients are the users with a role other than collaborator on any of its teams.
/// </summary>
public sealed record MigrationBlocked(
    Guid CompanyId,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<BannerRecipient> BannerRecipients,
    MigrationTrace Trace,
    Actor Actor) : IMigrationEvent;

public sealed record MigrationCompleted(
    Guid CompanyId, Guid AccountId, string AccountName, Guid MainTeamId, MigrationTrace Trace, Actor Actor)
    : IMigrationEvent;

/// <summary>The company took part in the beta, so its existing account was recorded as given.</summary>
public sealed record MigrationNotRequired(Guid CompanyId, Guid AccountId, string AccountName, Actor Actor)
    : IMigrationEvent;

public sealed record BannerRecipient(Guid UserId, string Email);
