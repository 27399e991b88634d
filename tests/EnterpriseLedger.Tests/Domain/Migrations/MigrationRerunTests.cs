using EnterpriseLedger.Domain.Migrations;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class MigrationRerunTests
{
    private static readonly Guid BetaAccountId = Guid.Parse("a0000000-0000-4000-8000-0000000000be");

    private static Company AnnAdminEverywhere() => new CompanyBuilder()
        .WithTeam("web", team => team.With("ann", "admin").With("bob", "member"))
        .WithTeam("api", team => team.With("ann", "admin"))
        .BuildValid();

    /// <summary>The same teams, but Bob, not Ann, is admin on api.</summary>
    private static Company NoUniversalAdmin() => new CompanyBuilder()
        .WithTeam("web", team => team.With("ann", "admin").With("bob", "member"))
        .WithTeam("api", team => team.With("bob", "admin"))
        .BuildValid();

    [Fact]
    public void migrated_company_rerun_changes_nothing()
    {
        var company = AnnAdminEverywhere();
        var migrated = Migrate.StateAfter(Migrate.Run(company));

        var rerun = Migrate.Run(company, migrated);

        rerun.Outcome.ShouldBe(MigrationOutcome.AlreadyMigrated);
        rerun.Appends.ShouldBeEmpty();
    }

    [Fact]
    public void rerun_reports_existing_account()
    {
        var company = AnnAdminEverywhere();
        var migrated = Migrate.StateAfter(Migrate.Run(company));

        var rerun = Migrate.Run(company, migrated, input: "input-2");

        rerun.AccountId.ShouldBe(Migrate.NewAccountId);
        rerun.AccountName.ShouldBe("web");
        rerun.Appends.ShouldBeEmpty();
    }

    [Fact]
    public void beta_company_rerun_changes_nothing()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin"))
            .InBeta(BetaAccountId, "acme-beta", ("ann", ["view", "manage"]))
            .BuildValid();
        var recorded = Migrate.StateAfter(Migrate.Run(company));

        var rerun = Migrate.Run(company, recorded);

        rerun.Outcome.ShouldBe(MigrationOutcome.AlreadyMigrated);
        rerun.AccountId.ShouldBe(BetaAccountId);
        rerun.Appends.ShouldBeEmpty();
    }

    [Fact]
    public void unchanged_blocked_company_stays_blocked()
    {
        var company = NoUniversalAdmin();
        var blocked = Migrate.StateAfter(Migrate.Run(company));

        var rerun = Migrate.Run(company, blocked);

        rerun.Outcome.ShouldBe(MigrationOutcome.Blocked);
        rerun.Reasons.ShouldBe([MigrationReasons.NoUniversalAdmin]);
        rerun.Appends.ShouldBeEmpty();
    }

    [Fact]
    public void unchanged_blocked_company_keeps_banner()
    {
        var company = NoUniversalAdmin();
        var blocked = Migrate.StateAfter(Migrate.Run(company));

        var rerun = Migrate.Run(company, blocked);

        rerun.BannerRecipients.Select(recipient => recipient.Email).ShouldBe([Email("ann"), Email("bob")]);
    }

    [Fact]
    public void changed_blocked_company_is_decided_again()
    {
        var blocked = Migrate.StateAfter(Migrate.Run(NoUniversalAdmin()));

        var decision = Migrate.Run(AnnAdminEverywhere(), blocked, input: "input-2");

        decision.Outcome.ShouldBe(MigrationOutcome.Migrated);
        Migrate.Stream(decision, CompanyId).StartsStream.ShouldBeFalse();
        Migrate.Stream(decision, Migrate.NewAccountId).StartsStream.ShouldBeTrue();
    }

    [Fact]
    public void corrected_company_ends_migrated()
    {
        var first = Migrate.Run(NoUniversalAdmin());
        var blocked = Migrate.StateAfter(first);

        var second = Migrate.Run(AnnAdminEverywhere(), blocked, input: "input-2");
        var state = Migrate.StateAfter(second, [.. Migrate.CompanyEvents(first)]);

        state.Outcome.ShouldBe(MigrationOutcome.Migrated);
        state.InputSha256.ShouldBe(Migrate.Sha256("input-2"));
        state.Reasons.ShouldBeEmpty();
    }

    [Fact]
    public void changed_input_still_blocked_is_recorded()
    {
        var blocked = Migrate.StateAfter(Migrate.Run(NoUniversalAdmin()));

        var decision = Migrate.Run(NoUniversalAdmin(), blocked, input: "input-2");

        var append = Migrate.Stream(decision, CompanyId);
        append.StartsStream.ShouldBeFalse();
        append.Events[0].ShouldBeOfType<MigrationRequested>().InputSha256.ShouldBe(Migrate.Sha256("input-2"));
        append.Events[1].ShouldBeOfType<MigrationBlocked>();
    }
}
