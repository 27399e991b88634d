namespace EnterpriseLedger.Domain.Migrations;

/// <summary>A company's migration as recorded on its stream: the last input received and the last outcome.</summary>
public sealed record CompanyMigration(
    Guid Id,
    string CompanyName,
    MigrationOutcome? Outcome,
    string InputSha256,
    Guid? AccountId,
    string? AccountName,
    IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// Folds one event into the state; the first event of a stream must be <see cref="MigrationRequested"/>.
    /// </summary>
    public static CompanyMigration? Evolve(CompanyMigration? state, object @event) => (state, @event) switch
    {
        (null, MigrationRequested requested) => Create(requested),
        (null, _) => null,
        (_, MigrationRequested requested) => state.Apply(requested),
        (_, MigrationBlocked blocked) => state.Apply(blocked),
        (_, MigrationCompleted completed) => state.Apply(completed),
        (_, MigrationNotRequired notRequired) => state.Apply(notRequired),
        _ => state,
    };

    public static CompanyMigration Create(MigrationRequested requested) =>
        new(requested.CompanyId, requested.CompanyName, null, requested.InputSha256, null, null, []);

    public CompanyMigration Apply(MigrationRequested requested) =>
        this with { CompanyName = requested.CompanyName, InputSha256 = requested.InputSha256, Outcome = null };

    public CompanyMigration Apply(MigrationBlocked blocked) =>
        this with { Outcome = MigrationOutcome.Blocked, Reasons = blocked.Reasons };

    public CompanyMigration Apply(MigrationCompleted completed) => this with
    {
        Outcome = MigrationOutcome.Migrated,
        AccountId = completed.AccountId,
        AccountName = completed.AccountName,
        Reasons = [],
    };

    public CompanyMigration Apply(MigrationNotRequired notRequired) => this with
    {
        Outcome = MigrationOutcome.NotRequired,
        AccountId = notRequired.AccountId,
        AccountName = notRequired.AccountName,
        Reasons = [],
    };

    public bool HasAccount => AccountId is not null;
}
