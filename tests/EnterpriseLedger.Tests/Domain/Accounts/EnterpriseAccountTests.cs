using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Accounts.Acme;

namespace EnterpriseLedger.Tests.Domain.Accounts;

public sealed class EnterpriseAccountTests
{
    [Fact]
    public void stream_without_creation_folds_to_null()
    {
        object[] events = [Member(Ann, "ann@acme.test", Permissions.All)];

        var account = Aggregates.Fold<EnterpriseAccount>(events, EnterpriseAccount.Evolve);

        account.ShouldBeNull();
    }

    [Fact]
    public void evolve_ignores_events_before_creation()
    {
        var account = Given.Account(
            Member(Ann, "ann@acme.test", Permissions.All),
            Team(Web, "web"),
            Created());

        account.Members.ShouldBeEmpty();
        account.Teams.ShouldBeEmpty();
    }

    [Fact]
    public void account_created_sets_identity()
    {
        var account = Given.Account(Created());

        account.Id.ShouldBe(AccountId);
        account.Name.ShouldBe("acme");
        account.CompanyId.ShouldBe(CompanyId);
    }

    [Fact]
    public void second_account_created_is_ignored()
    {
        var account = Given.Account(Created(), new AccountCreated(Guid.NewGuid(), "other", Guid.NewGuid(), Operator));

        account.Id.ShouldBe(AccountId);
        account.Name.ShouldBe("acme");
    }

    [Fact]
    public void grants_and_revokes_change_permissions()
    {
        var account = Given.Account(
            Created(),
            Member(Ann, "ann@acme.test", Permissions.View),
            Granted(Ann, Permissions.Manage),
            Granted(Ann, Permissions.Billing, Permissions.View | Permissions.Manage),
            Revoked(Ann, Permissions.Billing, Permissions.View | Permissions.Manage | Permissions.Billing));

        account.Members[Ann].Permissions.ShouldBe(Permissions.View | Permissions.Manage);
    }

    [Fact]
    public void grant_to_unknown_user_is_ignored()
    {
        var account = Given.Account(Created(), Granted(Bob, Permissions.Manage));

        account.Members.ShouldBeEmpty();
    }

    [Fact]
    public void manager_count_counts_manage_holders()
    {
        var account = Given.Account(
            Created(),
            Member(Ann, "ann@acme.test", Permissions.All),
            Member(Bob, "bob@acme.test", Permissions.View | Permissions.Manage),
            Member(Cyd, "cyd@acme.test", Permissions.View | Permissions.Billing));

        account.ManagerCount.ShouldBe(2);
    }

    [Fact]
    public void find_member_ignores_email_case()
    {
        var account = Given.Account(Created(), Member(Ann, "ann@acme.test", Permissions.All));

        account.FindMember("ANN@Acme.Test").ShouldNotBeNull().UserId.ShouldBe(Ann);
    }

    [Fact]
    public void team_events_keep_team_names()
    {
        var attached = new TeamAttached(
            AccountId, Api, "api", Operator.At.AddYears(-1), ProvisionedLicenses: true, Operator);

        var account = Given.Account(
            Created(),
            Team(Web, "web"),
            attached,
            new TeamRenamed(AccountId, Web, "web", "www", Operator),
            new TeamDeleted(AccountId, Api, "api", Operator));

        account.Teams.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<Guid, string>(Web, "www"));
    }
}
