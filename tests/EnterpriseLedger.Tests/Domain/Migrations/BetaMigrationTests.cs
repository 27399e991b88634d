using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class BetaMigrationTests
{
    private static readonly Guid BetaAccountId = Guid.Parse("a0000000-0000-4000-8000-0000000000be");

    /// <summary>
    /// A beta company that the rules would block on both counts, whose account gives Bob more than view and
    /// leaves Dan, a team member, out.
    /// </summary>
    private static Company BetaCompany() => new CompanyBuilder()
        .WithTeam("web", team => team.Licensed().With("ann", "admin").With("dan", "member"))
        .WithTeam("api", team => team.Licensed().With("bob", "admin"))
        .InBeta(BetaAccountId, "acme-beta", ("bob", ["view", "billing"]), ("ann", ["view", "manage"]))
        .BuildValid();

    [Fact]
    public void beta_company_needs_no_migration()
    {
        var decision = Migrate.Run(BetaCompany());

        decision.Outcome.ShouldBe(MigrationOutcome.NotRequired);
        decision.Reasons.ShouldBeEmpty();
        decision.BannerRecipients.ShouldBeEmpty();
        decision.Trace.ShouldBeNull();
    }

    [Fact]
    public void beta_company_keeps_given_account()
    {
        var decision = Migrate.Run(BetaCompany());

        decision.AccountId.ShouldBe(BetaAccountId);
        decision.AccountName.ShouldBe("acme-beta");
        decision.Members.ShouldBe(
        [
            new MigratedMember(UserId("ann"), Email("ann"), Permissions.View | Permissions.Manage),
            new MigratedMember(UserId("bob"), Email("bob"), Permissions.View | Permissions.Billing),
        ]);
    }

    [Fact]
    public void beta_account_stream_has_given_members()
    {
        var account = Migrate.Account(Migrate.Run(BetaCompany()));

        account.Id.ShouldBe(BetaAccountId);
        account.Name.ShouldBe("acme-beta");
        account.Members.Count.ShouldBe(2);
        account.Members[UserId("bob")].Permissions.ShouldBe(Permissions.View | Permissions.Billing);
        account.Members.ShouldNotContainKey(UserId("dan"));
    }

    [Fact]
    public void beta_account_holds_every_team()
    {
        var account = Migrate.Account(Migrate.Run(BetaCompany()));

        account.Teams.Values.ShouldBe(["web", "api"], ignoreOrder: true);
    }

    [Fact]
    public void company_stream_records_not_required()
    {
        var decision = Migrate.Run(BetaCompany());

        var events = Migrate.CompanyEvents(decision);

        events.Count.ShouldBe(2);
        events[0].ShouldBeOfType<MigrationRequested>();
        events[1].ShouldBe(new MigrationNotRequired(CompanyId, BetaAccountId, "acme-beta", Migrate.Runner));
    }
}
