using EnterpriseLedger.Domain.Migrations;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class MigrationBlockingTests
{
    private static Company TwoLicensedTeams() => new CompanyBuilder()
        .WithTeam("web", team => team.Licensed().With("ann", "admin"))
        .WithTeam("api", team => team.Licensed().With("ann", "admin"))
        .BuildValid();

    private static Company NoUniversalAdmin() => new CompanyBuilder()
        .WithTeam("web", team => team.With("ann", "admin").With("bob", "member"))
        .WithTeam("api", team => team.With("bob", "admin").With("ann", "viewer").With("cyd", "collaborator"))
        .BuildValid();

    private static Company BothReasons() => new CompanyBuilder()
        .WithTeam("web", team => team.Licensed().With("ann", "admin"))
        .WithTeam("api", team => team.Licensed().With("bob", "admin"))
        .BuildValid();

    [Fact]
    public void two_licensed_teams_block_migration()
    {
        var decision = Migrate.Run(TwoLicensedTeams());

        decision.Outcome.ShouldBe(MigrationOutcome.Blocked);
        decision.Reasons.ShouldBe([MigrationReasons.MultipleLicensedTeams]);
    }

    [Fact]
    public void no_universal_admin_blocks_migration()
    {
        var decision = Migrate.Run(NoUniversalAdmin());

        decision.Outcome.ShouldBe(MigrationOutcome.Blocked);
        decision.Reasons.ShouldBe([MigrationReasons.NoUniversalAdmin]);
    }

    [Fact]
    public void both_reasons_are_recorded()
    {
        var decision = Migrate.Run(BothReasons());

        decision.Reasons.ShouldBe([MigrationReasons.MultipleLicensedTeams, MigrationReasons.NoUniversalAdmin]);
    }

    [Fact]
    public void team_without_members_blocks_migration()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin"))
            .WithTeam("api")
            .BuildValid();

        Migrate.Run(company).Reasons.ShouldBe([MigrationReasons.NoUniversalAdmin]);
    }

    [Fact]
    public void only_official_user_collaborating_elsewhere_blocks()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin"))
            .WithTeam("api", team => team.With("ann", "collaborator"))
            .BuildValid();

        var decision = Migrate.Run(company);

        decision.Reasons.ShouldBe([MigrationReasons.NoUniversalAdmin]);
        decision.BannerRecipients.ShouldBe([new BannerRecipient(UserId("ann"), Email("ann"))]);
    }

    [Fact]
    public void blocked_company_gets_no_account()
    {
        var decision = Migrate.Run(BothReasons());

        decision.AccountId.ShouldBeNull();
        decision.AccountName.ShouldBeNull();
        decision.Members.ShouldBeEmpty();
        decision.Appends.ShouldHaveSingleItem().StreamId.ShouldBe(CompanyId);
    }

    [Fact]
    public void official_users_receive_banner()
    {
        var decision = Migrate.Run(NoUniversalAdmin());

        decision.BannerRecipients.ShouldBe(
        [
            new BannerRecipient(UserId("ann"), Email("ann")),
            new BannerRecipient(UserId("bob"), Email("bob")),
        ]);
    }

    [Fact]
    public void collaborator_only_user_gets_no_banner()
    {
        var decision = Migrate.Run(NoUniversalAdmin());

        decision.BannerRecipients.ShouldNotContain(recipient => recipient.UserId == UserId("cyd"));
    }

    [Fact]
    public void banner_recipients_sorted_and_deduplicated()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("zed", "admin").With("mia", "viewer").With("ann", "member"))
            .WithTeam("api", team => team.With("mia", "admin").With("zed", "member").With("ann", "collaborator"))
            .BuildValid();

        var decision = Migrate.Run(company);

        decision.BannerRecipients.Select(recipient => recipient.Email).ShouldBe(
            [Email("ann"), Email("mia"), Email("zed")]);
    }

    [Fact]
    public void company_stream_records_request_and_block()
    {
        var company = NoUniversalAdmin();
        var decision = Migrate.Run(company);

        var append = Migrate.Stream(decision, CompanyId);
        append.StartsStream.ShouldBeTrue();
        append.Events.Count.ShouldBe(2);
        append.Events[0].ShouldBe(
            new MigrationRequested(CompanyId, "acme", "input-1", Migrate.Sha256("input-1"), Migrate.Runner));
        var blocked = append.Events[1].ShouldBeOfType<MigrationBlocked>();
        blocked.CompanyId.ShouldBe(CompanyId);
        blocked.Reasons.ShouldBe([MigrationReasons.NoUniversalAdmin]);
        blocked.BannerRecipients.ShouldBe(decision.BannerRecipients);
        blocked.Trace.ShouldBeEquivalentTo(MigrationPolicy.Trace(company));
        blocked.Actor.ShouldBe(Migrate.Runner);
    }
}
