using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Accounts.Acme;

namespace EnterpriseLedger.Tests.Domain.Accounts;

public sealed class MemberPermissionTests
{
    private static EnterpriseAccount AnnManagesBobViews() => Given.Account(
        Created(),
        Member(Ann, "ann@acme.test", Permissions.All),
        Member(Bob, "bob@acme.test", Permissions.View));

    [Fact]
    public void admin_means_all_four_permissions()
    {
        var four = Permissions.View | Permissions.Billing | Permissions.Manage | Permissions.Create;

        Permissions.All.ShouldBe(four);
    }

    [Fact]
    public void granting_permission_emits_permission_granted()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Grant(account, Bob, Permissions.Billing, Operator);

        decision.Events.ShouldBe([Granted(Bob, Permissions.Billing)]);
    }

    [Fact]
    public void granting_held_permission_emits_nothing()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Grant(account, Ann, Permissions.Manage, Operator);

        decision.IsRejected.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void granting_two_permissions_emits_two_events()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Grant(account, Bob, Permissions.Create | Permissions.Manage, Operator);

        decision.Events.ShouldBe([Granted(Bob, Permissions.Manage), Granted(Bob, Permissions.Create, Permissions.View | Permissions.Manage)]);
    }

    [Fact]
    public void granting_to_non_member_is_rejected()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Grant(account, Cyd, Permissions.Billing, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.NotMember);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void revoking_permission_emits_permission_revoked()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.Billing, Operator);

        decision.Events.ShouldBe([Revoked(Ann, Permissions.Billing, Permissions.All)]);
    }

    [Fact]
    public void revoking_unheld_permission_emits_nothing()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Bob, Permissions.Manage, Operator);

        decision.IsRejected.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void revoking_view_is_rejected()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Bob, Permissions.View, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.ViewRequired);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void revoking_view_from_manager_is_rejected()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.View, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.ViewRequired);
    }

    [Fact]
    public void revoking_manage_from_last_manager_is_rejected()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.Manage, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.LastManager);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void last_manager_message_names_member()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.Manage, Operator);

        decision.Error.ShouldNotBeNull().Message.ShouldContain("ann@acme.test");
    }

    [Fact]
    public void second_manager_allows_revoking_manage()
    {
        var account = Given.Account(
            Created(),
            Member(Ann, "ann@acme.test", Permissions.All),
            Member(Bob, "bob@acme.test", Permissions.View | Permissions.Manage));

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.Manage, Operator);

        decision.Events.ShouldBe([Revoked(Ann, Permissions.Manage, Permissions.All)]);
    }

    [Fact]
    public void manager_granted_later_counts_as_manager()
    {
        var account = Given.Account(
            Created(),
            Member(Ann, "ann@acme.test", Permissions.All),
            Member(Bob, "bob@acme.test", Permissions.View),
            Granted(Bob, Permissions.Manage));

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.Manage, Operator);

        decision.Events.ShouldBe([Revoked(Ann, Permissions.Manage, Permissions.All)]);
    }

    [Fact]
    public void manager_revoked_earlier_no_longer_counts()
    {
        var account = Given.Account(
            Created(),
            Member(Ann, "ann@acme.test", Permissions.All),
            Member(Bob, "bob@acme.test", Permissions.View | Permissions.Manage),
            Revoked(Bob, Permissions.Manage, Permissions.View | Permissions.Manage));

        var decision = AccountDecisions.Revoke(account, Ann, Permissions.Manage, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.LastManager);
    }

    [Fact]
    public void revoking_from_non_member_is_rejected()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.Revoke(account, Cyd, Permissions.Billing, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.NotMember);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void set_permissions_emits_grants_then_revokes()
    {
        var account = Given.Account(
            Created(),
            Member(Ann, "ann@acme.test", Permissions.All),
            Member(Bob, "bob@acme.test", Permissions.View | Permissions.Billing | Permissions.Create));

        var target = Permissions.View | Permissions.Manage;
        var decision = AccountDecisions.SetPermissions(account, Bob, target, Operator);

        decision.Events.ShouldBe(
        [
            Granted(Bob, Permissions.Manage, Permissions.View | Permissions.Billing | Permissions.Create),
            Revoked(Bob, Permissions.Billing, Permissions.All),
            Revoked(Bob, Permissions.Create, Permissions.View | Permissions.Manage | Permissions.Create),
        ]);
    }

    [Fact]
    public void set_permissions_orders_grants_canonically()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.SetPermissions(account, Bob, Permissions.All, Operator);

        decision.Events.ShouldBe(
        [
            Granted(Bob, Permissions.Billing),
            Granted(Bob, Permissions.Manage, Permissions.View | Permissions.Billing),
            Granted(Bob, Permissions.Create, Permissions.View | Permissions.Billing | Permissions.Manage),
        ]);
    }

    [Fact]
    public void set_permissions_to_current_emits_nothing()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.SetPermissions(account, Ann, Permissions.All, Operator);

        decision.IsRejected.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void set_permissions_without_view_is_rejected()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.SetPermissions(account, Bob, Permissions.Billing, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.ViewRequired);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void set_permissions_keeps_last_manager()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.SetPermissions(account, Ann, Permissions.View, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.LastManager);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void set_permissions_rejects_non_member()
    {
        var account = AnnManagesBobViews();

        var decision = AccountDecisions.SetPermissions(account, Cyd, Permissions.All, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(AccountErrors.NotMember);
    }

    [Fact]
    public void applied_changes_reach_member_permissions()
    {
        var account = AnnManagesBobViews();
        var decision = AccountDecisions.SetPermissions(account, Bob, Permissions.View | Permissions.Create, Operator);

        var after = decision.Events.Aggregate(account, (state, change) => EnterpriseAccount.Evolve(state, change)!);

        after.Members[Bob].Permissions.ShouldBe(Permissions.View | Permissions.Create);
    }
}
