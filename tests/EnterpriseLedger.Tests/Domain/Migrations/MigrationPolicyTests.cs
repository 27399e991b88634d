using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Migrations.CompanyBuilder;

namespace EnterpriseLedger.Tests.Domain.Migrations;

public sealed class MigrationPolicyTests
{
    /// <summary>Ann is admin on both teams, web is licensed, and Cyd only collaborates.</summary>
    private static Company AnnAdminEverywhere() => new CompanyBuilder()
        .WithTeam("web", team => team.Licensed().With("ann", "admin").With("bob", "member").With("cyd", "collaborator"))
        .WithTeam("api", team => team.With("ann", "owner").With("dan", "viewer"))
        .BuildValid();

    [Fact]
    public void universal_admin_allows_migration()
    {
        var decision = Migrate.Run(AnnAdminEverywhere());

        decision.Outcome.ShouldBe(MigrationOutcome.Migrated);
        decision.Reasons.ShouldBeEmpty();
        decision.AccountId.ShouldBe(Migrate.NewAccountId);
    }

    [Fact]
    public void account_is_named_after_licensed_team()
    {
        var company = new CompanyBuilder()
            .WithTeam("api", team => team.With("ann", "admin"))
            .WithTeam("web", team => team.Licensed().With("ann", "admin"))
            .BuildValid();

        var decision = Migrate.Run(company);

        decision.AccountName.ShouldBe("web");
        Migrate.Account(decision).Name.ShouldBe("web");
    }

    [Fact]
    public void unlicensed_company_takes_earliest_team_name()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.CreatedAt(FirstDay.AddDays(3)).With("ann", "admin"))
            .WithTeam("api", team => team.CreatedAt(FirstDay.AddDays(1)).With("ann", "admin"))
            .WithTeam("ops", team => team.CreatedAt(FirstDay.AddDays(2)).With("ann", "admin"))
            .BuildValid();

        Migrate.Run(company).AccountName.ShouldBe("api");
    }

    [Fact]
    public void main_team_tie_broken_by_name()
    {
        var company = new CompanyBuilder()
            .WithTeam("zeta", team => team.CreatedAt(FirstDay).With("ann", "admin"))
            .WithTeam("alpha", team => team.CreatedAt(FirstDay).With("ann", "admin"))
            .WithTeam("later", team => team.CreatedAt(FirstDay.AddDays(1)).With("ann", "admin"))
            .BuildValid();

        Migrate.Run(company).AccountName.ShouldBe("alpha");
    }

    [Fact]
    public void account_contains_every_team()
    {
        var account = Migrate.Account(Migrate.Run(AnnAdminEverywhere()));

        account.Teams.Keys.ShouldBe([TeamId("web"), TeamId("api")], ignoreOrder: true);
        account.Teams[TeamId("api")].ShouldBe("api");
    }

    [Fact]
    public void universal_admin_gets_all_permissions()
    {
        var account = Migrate.Account(Migrate.Run(AnnAdminEverywhere()));

        account.Members[UserId("ann")].Permissions.ShouldBe(Permissions.All);
    }

    [Fact]
    public void other_official_users_get_view()
    {
        var account = Migrate.Account(Migrate.Run(AnnAdminEverywhere()));

        account.Members[UserId("bob")].Permissions.ShouldBe(Permissions.View);
        account.Members[UserId("dan")].Permissions.ShouldBe(Permissions.View);
    }

    [Fact]
    public void collaborator_only_user_is_not_member()
    {
        var decision = Migrate.Run(AnnAdminEverywhere());

        Migrate.Account(decision).Members.ShouldNotContainKey(UserId("cyd"));
        decision.Members.ShouldNotContain(member => member.UserId == UserId("cyd"));
    }

    [Fact]
    public void decision_lists_members_by_email()
    {
        var decision = Migrate.Run(AnnAdminEverywhere());

        decision.Members.ShouldBe(
        [
            new MigratedMember(UserId("ann"), Email("ann"), Permissions.All),
            new MigratedMember(UserId("bob"), Email("bob"), Permissions.View),
            new MigratedMember(UserId("dan"), Email("dan"), Permissions.View),
        ]);
    }

    [Fact]
    public void partial_admin_gets_only_view()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin").With("bob", "admin"))
            .WithTeam("api", team => team.With("ann", "admin").With("bob", "member"))
            .BuildValid();

        var account = Migrate.Account(Migrate.Run(company));

        account.Members[UserId("bob")].Permissions.ShouldBe(Permissions.View);
    }

    [Fact]
    public void owner_counts_as_admin()
    {
        var company = new CompanyBuilder().WithTeam("web", team => team.With("ann", "owner")).BuildValid();

        var decision = Migrate.Run(company);

        decision.Outcome.ShouldBe(MigrationOutcome.Migrated);
        Migrate.Account(decision).Members[UserId("ann")].Permissions.ShouldBe(Permissions.All);
    }

    [Fact]
    public void single_team_company_migrates()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.With("ann", "admin").With("bob", "viewer").With("cyd", "collaborator"))
            .BuildValid();

        var decision = Migrate.Run(company);

        decision.Outcome.ShouldBe(MigrationOutcome.Migrated);
        decision.AccountName.ShouldBe("web");
        decision.Members.Select(member => member.Email).ShouldBe([Email("ann"), Email("bob")]);
    }

    [Fact]
    public void migration_appends_account_events_in_order()
    {
        var company = AnnAdminEverywhere();

        var account = Migrate.Stream(Migrate.Run(company), Migrate.NewAccountId);

        account.StartsStream.ShouldBeTrue();
        account.Events.ShouldBe(
        [
            new AccountCreated(Migrate.NewAccountId, "web", CompanyId, Migrate.Runner),
            Attached(company.Teams[0]),
            Attached(company.Teams[1]),
            Added("ann", Permissions.All),
            Added("bob", Permissions.View),
            Added("dan", Permissions.View),
        ]);
    }

    [Fact]
    public void teams_attach_in_creation_order()
    {
        var company = new CompanyBuilder()
            .WithTeam("web", team => team.CreatedAt(FirstDay.AddDays(2)).With("ann", "admin"))
            .WithTeam("api", team => team.CreatedAt(FirstDay).With("ann", "admin"))
            .BuildValid();

        var events = Migrate.Stream(Migrate.Run(company), Migrate.NewAccountId).Events;

        events.OfType<TeamAttached>().Select(attached => attached.Name).ShouldBe(["api", "web"]);
    }

    [Fact]
    public void each_team_stream_imports_its_roster()
    {
        var company = AnnAdminEverywhere();
        var decision = Migrate.Run(company);

        foreach (var team in company.Teams)
        {
            var append = Migrate.Stream(decision, team.Id);
            var imported = append.Events.ShouldHaveSingleItem().ShouldBeOfType<TeamRosterImported>();
            append.StartsStream.ShouldBeTrue();
            imported.AccountId.ShouldBe(Migrate.NewAccountId);
            imported.Members.ShouldBe(team.Members);
            imported.Actor.ShouldBe(Migrate.Runner);
        }
    }

    [Fact]
    public void roster_keeps_collaborators()
    {
        var decision = Migrate.Run(AnnAdminEverywhere());

        var imported = (TeamRosterImported)Migrate.Stream(decision, TeamId("web")).Events[0];

        var cyd = imported.Members.Single(member => member.UserId == UserId("cyd"));
        cyd.Role.ShouldBe(TeamRole.Collaborator);
    }

    [Fact]
    public void company_stream_records_request_and_completion()
    {
        var decision = Migrate.Run(AnnAdminEverywhere(), input: "{\"company\":1}");

        var append = Migrate.Stream(decision, CompanyId);
        append.StartsStream.ShouldBeTrue();
        append.Events.Count.ShouldBe(2);
        append.Events[0].ShouldBe(new MigrationRequested(
            CompanyId, "acme", "{\"company\":1}", Migrate.Sha256("{\"company\":1}"), Migrate.Runner));
        var completed = append.Events[1].ShouldBeOfType<MigrationCompleted>();
        completed.AccountId.ShouldBe(Migrate.NewAccountId);
        completed.AccountName.ShouldBe("web");
        completed.MainTeamId.ShouldBe(TeamId("web"));
        completed.Trace.ShouldBeSameAs(decision.Trace);
        completed.Actor.ShouldBe(Migrate.Runner);
    }

    [Fact]
    public void migrated_decision_has_no_banner()
    {
        Migrate.Run(AnnAdminEverywhere()).BannerRecipients.ShouldBeEmpty();
    }

    private static TeamAttached Attached(Team team) =>
        new(Migrate.NewAccountId, team.Id, team.Name, team.CreatedAt, team.ProvisionedLicenses, Migrate.Runner);

    private static MemberAdded Added(string user, Permissions permissions) =>
        new(Migrate.NewAccountId, UserId(user), Email(user), permissions, MemberSecurity.Unknown, Migrate.Runner);
}
