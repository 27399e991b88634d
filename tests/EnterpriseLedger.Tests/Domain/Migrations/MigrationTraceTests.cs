using EnterpriseLedger.Domain.Migrations;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class MigrationTraceTests
{
    [Fact]
    public void trace_lists_licensed_teams_by_name()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.Licensed().With("ann", "admin"))
            .WithTeam("ops", team => team.With("ann", "admin"))
            .WithTeam("api", team => team.Licensed().With("ann", "admin"))
            .BuildValid();

        MigrationPolicy.Trace(company).LicensedTeams.ShouldBe(["api", "web"]);
    }

    [Fact]
    public void trace_lists_universal_admins_by_email()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("zed", "admin").With("ann", "owner").With("bob", "admin"))
            .WithTeam("api", team => team.With("ann", "admin").With("zed", "admin").With("bob", "member"))
            .BuildValid();

        MigrationPolicy.Trace(company).UniversalAdmins.ShouldBe([Email("ann"), Email("zed")]);
    }

    [Fact]
    public void trace_names_licensed_main_team()
    {
        var company = new CompanyBuilder()
            .WithTeam("api", team => team.With("ann", "admin"))
            .WithTeam("web", team => team.Licensed().With("ann", "admin"))
            .BuildValid();

        var trace = MigrationPolicy.Trace(company);

        trace.MainTeam.ShouldBe("web");
        trace.MainTeamRule.ShouldBe("licensed");
    }

    [Fact]
    public void trace_names_earliest_created_team()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin"))
            .WithTeam("api", team => team.With("ann", "admin"))
            .BuildValid();

        var trace = MigrationPolicy.Trace(company);

        trace.MainTeam.ShouldBe("web");
        trace.MainTeamRule.ShouldBe("earliest-created");
    }

    [Fact]
    public void licensed_pair_leaves_no_main_team()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.Licensed().With("ann", "admin"))
            .WithTeam("api", team => team.Licensed().With("ann", "admin"))
            .BuildValid();

        var trace = MigrationPolicy.Trace(company);

        trace.MainTeam.ShouldBeNull();
        trace.MainTeamRule.ShouldBeNull();
    }

    [Fact]
    public void migrated_decision_carries_trace()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.Licensed().With("ann", "admin"))
            .WithTeam("api", team => team.With("ann", "admin"))
            .BuildValid();

        var trace = Migrate.Run(company).Trace.ShouldNotBeNull();

        trace.LicensedTeams.ShouldBe(["web"]);
        trace.UniversalAdmins.ShouldBe([Email("ann")]);
        trace.MainTeam.ShouldBe("web");
        trace.MainTeamRule.ShouldBe("licensed");
    }
}
