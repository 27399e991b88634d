using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

/// <summary>Validation of participated_in_beta and of the Enterprise Account that a beta company gives.</summary>
public sealed class BetaAccountValidationTests
{
    private static readonly Guid BetaAccountId = Guid.Parse("a0000000-0000-4000-8000-0000000000be");

    private static CompanyBuilder WebWithAnn() =>
        new CompanyBuilder().WithTeam("web", team => team.With("ann", "admin"));

    private static string RejectedPath(CompanyBuilder builder) => builder.BuildInvalid().Path;

    [Fact]
    public void beta_company_without_account_is_rejected()
    {
        RejectedPath(WebWithAnn().WithParticipatedInBeta(true)).ShouldBe("$.enterprise_account");
    }

    [Fact]
    public void account_without_beta_is_rejected()
    {
        var account = new BetaAccountInput(BetaAccountId, "acme", [BetaMember("ann", "view", "manage")]);

        RejectedPath(WebWithAnn().WithEnterpriseAccount(account)).ShouldBe("$.enterprise_account");
    }

    [Fact]
    public void beta_account_is_built_as_given()
    {
        var company = WebWithAnn()
            .InBeta(BetaAccountId, "acme-beta", ("ann", ["view", "manage"]), ("bob", ["billing", "view"]))
            .BuildValid();

        var account = company.BetaAccount.ShouldNotBeNull();
        account.Id.ShouldBe(BetaAccountId);
        account.Name.ShouldBe("acme-beta");
        account.Members.ShouldBe(
        [
            new BetaMember(UserId("ann"), Email("ann"), Permissions.View | Permissions.Manage),
            new BetaMember(UserId("bob"), Email("bob"), Permissions.View | Permissions.Billing),
        ]);
    }

    [Fact]
    public void beta_member_without_view_is_rejected()
    {
        var builder = WebWithAnn().InBeta(BetaAccountId, "acme", ("ann", ["manage", "billing"]));
        var error = builder.BuildInvalid();

        error.Path.ShouldBe("$.enterprise_account.members[0].permissions");
        error.Message.ShouldContain("view");
    }

    [Fact]
    public void unknown_permission_is_rejected()
    {
        var builder = WebWithAnn().InBeta(BetaAccountId, "acme", ("ann", ["view", "admin"]));
        var error = builder.BuildInvalid();

        error.Path.ShouldBe("$.enterprise_account.members[0].permissions[1]");
        error.Message.ShouldContain("unknown permission 'admin'");
    }

    [Fact]
    public void null_permission_name_is_rejected()
    {
        var account = new BetaAccountInput(BetaAccountId, "acme", [BetaMember("ann", "view", null)]);
        var builder = WebWithAnn().WithParticipatedInBeta(true).WithEnterpriseAccount(account);

        RejectedPath(builder).ShouldBe("$.enterprise_account.members[0].permissions[1]");
    }

    [Fact]
    public void missing_beta_permissions_are_rejected()
    {
        var member = new BetaMemberInput(new UserReference(UserId("ann"), Email("ann")), null);
        var account = new BetaAccountInput(BetaAccountId, "acme", [member]);
        var builder = WebWithAnn().WithParticipatedInBeta(true).WithEnterpriseAccount(account);

        RejectedPath(builder).ShouldBe("$.enterprise_account.members[0].permissions");
    }

    [Fact]
    public void missing_beta_account_id_is_rejected()
    {
        var account = new BetaAccountInput(null, "acme", [BetaMember("ann", "view")]);
        var builder = WebWithAnn().WithParticipatedInBeta(true).WithEnterpriseAccount(account);

        RejectedPath(builder).ShouldBe("$.enterprise_account.id");
    }

    [Fact]
    public void beta_account_without_members_is_rejected()
    {
        var builder = WebWithAnn().InBeta(BetaAccountId, "acme");

        RejectedPath(builder).ShouldBe("$.enterprise_account.members");
    }

    [Fact]
    public void beta_emails_differing_by_case_clash()
    {
        var second = new BetaMemberInput(new UserReference(UserId("bob"), "ANN@acme.test"), ["view"]);
        var account = new BetaAccountInput(BetaAccountId, "acme", [BetaMember("ann", "view"), second]);
        var builder = WebWithAnn().WithParticipatedInBeta(true).WithEnterpriseAccount(account);

        RejectedPath(builder).ShouldBe("$.enterprise_account.members[1].user.email");
    }

    [Fact]
    public void beta_member_contradicting_teams_is_rejected()
    {
        var member = new BetaMemberInput(new UserReference(UserId("bob"), Email("ann")), ["view"]);
        var account = new BetaAccountInput(BetaAccountId, "acme", [member]);
        var builder = WebWithAnn().WithParticipatedInBeta(true).WithEnterpriseAccount(account);

        RejectedPath(builder).ShouldBe("$.enterprise_account.members[0].user");
    }

    [Fact]
    public void invalid_beta_account_name_is_rejected()
    {
        var builder = WebWithAnn().InBeta(BetaAccountId, "Acme Inc", ("ann", ["view"]));

        RejectedPath(builder).ShouldBe("$.enterprise_account.name");
    }

    [Fact]
    public void duplicate_beta_member_is_rejected()
    {
        var builder = WebWithAnn().InBeta(BetaAccountId, "acme", ("ann", ["view"]), ("ann", ["view", "manage"]));

        RejectedPath(builder).ShouldBe("$.enterprise_account.members[1].user.email");
    }
}
