using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class CompanyMigrationTests
{
    private static readonly MigrationTrace EmptyTrace = new([], [], null, null);

    private static MigrationRequested Requested(string input) =>
        new(CompanyId, "acme", input, Migrate.Sha256(input), Migrate.Runner);

    private static MigrationBlocked Blocked(params string[] reasons) =>
        new(CompanyId, reasons, [], EmptyTrace, Migrate.Runner);

    [Fact]
    public void request_starts_undecided_migration()
    {
        var state = Given.Migration(Requested("input-1"));

        state.Id.ShouldBe(CompanyId);
        state.CompanyName.ShouldBe("acme");
        state.Outcome.ShouldBeNull();
        state.InputSha256.ShouldBe(Migrate.Sha256("input-1"));
        state.HasAccount.ShouldBeFalse();
    }

    [Fact]
    public void stream_without_request_folds_to_null()
    {
        object[] events = [Blocked(MigrationReasons.NoUniversalAdmin)];

        Aggregates.Fold<CompanyMigration>(events, CompanyMigration.Evolve).ShouldBeNull();
    }

    [Fact]
    public void evolve_ignores_events_before_request()
    {
        var state = Given.Migration(Blocked(MigrationReasons.NoUniversalAdmin), Requested("input-1"));

        state.Outcome.ShouldBeNull();
        state.Reasons.ShouldBeEmpty();
    }

    [Fact]
    public void block_records_reasons()
    {
        var state = Given.Migration(
            Requested("input-1"), Blocked(MigrationReasons.MultipleLicensedTeams, MigrationReasons.NoUniversalAdmin));

        state.Outcome.ShouldBe(MigrationOutcome.Blocked);
        state.Reasons.ShouldBe([MigrationReasons.MultipleLicensedTeams, MigrationReasons.NoUniversalAdmin]);
    }

    [Fact]
    public void completion_after_block_clears_reasons()
    {
        var accountId = Guid.NewGuid();
        var state = Given.Migration(
            Requested("input-1"),
            Blocked(MigrationReasons.NoUniversalAdmin),
            Requested("input-2"),
            new MigrationCompleted(CompanyId, accountId, "web", TeamId("web"), EmptyTrace, Migrate.Runner));

        state.Outcome.ShouldBe(MigrationOutcome.Migrated);
        state.Reasons.ShouldBeEmpty();
        state.AccountId.ShouldBe(accountId);
        state.AccountName.ShouldBe("web");
        state.InputSha256.ShouldBe(Migrate.Sha256("input-2"));
    }

    [Fact]
    public void not_required_records_beta_account()
    {
        var accountId = Guid.NewGuid();
        var state = Given.Migration(
            Requested("input-1"), new MigrationNotRequired(CompanyId, accountId, "acme-beta", Migrate.Runner));

        state.Outcome.ShouldBe(MigrationOutcome.NotRequired);
        state.AccountId.ShouldBe(accountId);
        state.HasAccount.ShouldBeTrue();
    }

    [Fact]
    public void new_request_resets_outcome()
    {
        var state = Given.Migration(
            Requested("input-1"), Blocked(MigrationReasons.NoUniversalAdmin), Requested("input-2"));

        state.Outcome.ShouldBeNull();
    }
}
