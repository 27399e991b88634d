using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class CompanyValidatorTests
{
    private static CompanyBuilder WebWithAnn() =>
        new CompanyBuilder().WithTeam("web", team => team.With("ann", "admin"));

    private static string RejectedPath(CompanyBuilder builder) => builder.BuildInvalid().Path;

    [Fact]
    public void valid_company_is_built()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.Licensed().With("ann", "admin").With("bob", "collaborator"))
            .WithTeam("api", team => team.With("ann", "owner"))
            .BuildValid();

        company.Id.ShouldBe(CompanyId);
        company.Name.ShouldBe("acme");
        company.Teams.Select(team => team.Name).ShouldBe(["web", "api"]);
        company.Teams[0].ProvisionedLicenses.ShouldBeTrue();
        company.Teams[0].Members[1].Role.ShouldBe(TeamRole.Collaborator);
        company.BetaAccount.ShouldBeNull();
    }

    [Fact]
    public void owner_role_is_read_as_admin()
    {
        var company = new CompanyBuilder().WithTeam("web", team => team.With("ann", "owner")).BuildValid();

        company.Teams[0].Members[0].Role.ShouldBe(TeamRole.Admin);
    }

    [Fact]
    public void emails_are_stored_lower_case()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With(UserId("ann"), "Ann@ACME.test", "admin"))
            .BuildValid();

        company.Teams[0].Members[0].Email.ShouldBe("ann@acme.test");
    }

    [Fact]
    public void team_security_is_kept()
    {
        var okta = new IdentityProviderReference(null, "okta");
        var member = new TeamMemberInput(new UserReference(UserId("ann"), Email("ann")), "admin", true, true, okta);

        var company = new CompanyBuilder().WithTeam("web", team => team.WithInput(member)).BuildValid();

        company.Teams[0].Members[0].Security.ShouldBe(new MemberSecurity(true, true, "okta"));
    }

    [Fact]
    public void missing_company_is_rejected()
    {
        RejectedPath(WebWithAnn().WithCompany(null)).ShouldBe("$.company");
    }

    [Fact]
    public void missing_company_id_is_rejected()
    {
        RejectedPath(WebWithAnn().WithCompany(new CompanyReference(null, "acme"))).ShouldBe("$.company.id");
    }

    [Fact]
    public void empty_company_id_is_rejected()
    {
        RejectedPath(WebWithAnn().WithCompany(new CompanyReference(Guid.Empty, "acme"))).ShouldBe("$.company.id");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void missing_company_name_is_rejected(string? name)
    {
        RejectedPath(WebWithAnn().WithCompany(new CompanyReference(CompanyId, name))).ShouldBe("$.company.name");
    }

    [Fact]
    public void missing_teams_are_rejected()
    {
        RejectedPath(new CompanyBuilder().WithoutTeams()).ShouldBe("$.teams");
    }

    [Fact]
    public void company_without_teams_is_rejected()
    {
        var error = new CompanyBuilder().BuildInvalid();

        error.Path.ShouldBe("$.teams");
        error.Message.ShouldContain("at least one team");
    }

    [Fact]
    public void null_team_entry_is_rejected()
    {
        RejectedPath(WebWithAnn().WithTeamInput(null)).ShouldBe("$.teams[1]");
    }

    [Fact]
    public void missing_team_id_is_rejected()
    {
        RejectedPath(WebWithAnn().WithTeam("api", team => team.WithId(null))).ShouldBe("$.teams[1].id");
    }

    [Fact]
    public void missing_team_name_is_rejected()
    {
        RejectedPath(WebWithAnn().WithTeam("api", team => team.WithName(null))).ShouldBe("$.teams[1].name");
    }

    [Fact]
    public void missing_created_at_is_rejected()
    {
        RejectedPath(WebWithAnn().WithTeam("api", team => team.CreatedAt(null))).ShouldBe("$.teams[1].created_at");
    }

    [Fact]
    public void missing_provisioned_licenses_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.WithLicenses(null));

        RejectedPath(builder).ShouldBe("$.teams[1].provisioned_licenses");
    }

    [Fact]
    public void missing_team_members_are_rejected()
    {
        RejectedPath(WebWithAnn().WithTeam("api", team => team.WithoutMembers())).ShouldBe("$.teams[1].members");
    }

    [Fact]
    public void null_member_entry_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With("ann", "admin").WithInput(null));

        RejectedPath(builder).ShouldBe("$.teams[1].members[1]");
    }

    [Fact]
    public void missing_member_user_is_rejected()
    {
        var member = new TeamMemberInput(null, "admin", null, null, null);
        var builder = WebWithAnn().WithTeam("api", team => team.WithInput(member));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user");
    }

    [Fact]
    public void missing_user_id_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With(null, Email("bob"), "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user.id");
    }

    [Fact]
    public void missing_user_email_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With(UserId("bob"), null, "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user.email");
    }

    [Fact]
    public void missing_role_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With("bob", null));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].role");
    }

    [Fact]
    public void unknown_role_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With("bob", "superuser"));
        var error = builder.BuildInvalid();

        error.Path.ShouldBe("$.teams[1].members[0].role");
        error.Message.ShouldContain("unknown role 'superuser'");
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("bob@acme")]
    [InlineData("bob@@acme.test")]
    [InlineData("bob smith@acme.test")]
    // NOTE: fails while EmailAddress's pattern ends in `$`, which also matches before a final line break.
    [InlineData("bob@acme.test\n")]
    public void malformed_email_is_rejected(string email)
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With(UserId("bob"), email, "member"));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user.email");
    }

    [Fact]
    public void email_with_two_ids_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With(UserId("bob"), Email("ann"), "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user.id");
    }

    [Fact]
    public void email_case_cannot_hide_second_id()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With(UserId("bob"), "ANN@acme.test", "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user.id");
    }

    [Fact]
    public void email_case_differences_are_one_user()
    {
        var company = WebWithAnn()
            .WithTeam("api", team => team.With(UserId("ann"), "ANN@Acme.Test", "admin"))
            .BuildValid();

        company.Teams[1].Members[0].Email.ShouldBe(Email("ann"));
    }

    [Fact]
    public void id_with_two_emails_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.With(UserId("ann"), "ann.b@acme.test", "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].members[0].user.email");
    }

    [Fact]
    public void user_twice_on_team_is_rejected()
    {
        var builder = new CompanyBuilder().WithTeam("web", team => team.With("ann", "admin").With("ann", "member"));

        RejectedPath(builder).ShouldBe("$.teams[0].members[1].user.id");
    }

    [Fact]
    public void duplicate_team_name_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.WithName("web").With("ann", "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].name");
    }

    [Fact]
    public void duplicate_team_id_is_rejected()
    {
        var builder = WebWithAnn().WithTeam("api", team => team.WithId(TeamId("web")).With("ann", "admin"));

        RejectedPath(builder).ShouldBe("$.teams[1].id");
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("web team")]
    [InlineData("web_team")]
    // NOTE: fails while TeamNames' pattern ends in `$`, which also matches before a final line break.
    [InlineData("web\n")]
    public void invalid_team_name_is_rejected(string name)
    {
        var builder = new CompanyBuilder().WithTeam("web", team => team.WithName(name).With("ann", "admin"));

        RejectedPath(builder).ShouldBe("$.teams[0].name");
    }

    [Fact]
    public void missing_participated_in_beta_is_rejected()
    {
        RejectedPath(WebWithAnn().WithParticipatedInBeta(null)).ShouldBe("$.participated_in_beta");
    }

    [Fact]
    public void first_invalid_value_rejects_whole_company()
    {
        var builder = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin"))
            .WithTeam("api", team => team.With("bob", "admin"))
            .WithTeam("ops", team => team.With("cyd", "root"));

        RejectedPath(builder).ShouldBe("$.teams[2].members[0].role");
    }
}
