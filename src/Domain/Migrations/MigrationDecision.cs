namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// The result of deciding one company's migration: the outcome for people and tools, and the events to append
/// to each stream. <see cref="Appends"/> is empty when nothing changes.
/// </summary>
public sealed record MigrationDecision(
    MigrationOutcome Outcome,
    IReadOnlyList<string> Reasons,
    Guid? AccountId,
    string? AccountName,
    IReadOnlyList<MigratedMember> Members,
    IReadOnlyList<BannerRecipient> BannerRecipients,
    MigrationTrace? Trace,
    IReadOnlyList<StreamAppend> Appends);

public sealed record MigratedMember(Guid UserId, string Email, Permissions Permissions);

/// <summary>
/// Events for one stream; <paramref name="StartsStream"/> is true when the stream must not exist yet.
/// </summary>
public sealed record StreamAppend(Guid StreamId, bool StartsStream, IReadOnlyList<object> Events);

/// <summary>
/// What a migration run brings besides the company: the raw input, who runs it and the new account's id.
/// </summary>
public sealed record MigrationRequest(string Input, string InputSha256, Guid NewAccountId, Actor Actor);
