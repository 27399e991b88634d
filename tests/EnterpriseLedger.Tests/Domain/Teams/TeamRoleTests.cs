using EnterpriseLedger.Domain;
using System.Text.Json;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using Shouldly;
using static EnterpriseLedger.Tests.Domain.Accounts.Acme;

namespace EnterpriseLedger.Tests.Domain.Teams;

public sealed class TeamRoleTests
{
    private static TeamRoleHolder Holder(Guid userId, string email, TeamRole role) =>
        new(userId, email, role, MemberSecurity.Unknown);

    private static EnterpriseTeam WebWithAnnAdmin(params TeamRoleHolder[] others) => Given.Team(
        new TeamRosterImported(Web, AccountId, [Holder(Ann, "ann@acme.test", TeamRole.Admin), .. others], Operator));

    [Theory]
    [InlineData("admin", TeamRole.Admin)]
    [InlineData("member", TeamRole.Member)]
    [InlineData("viewer", TeamRole.Viewer)]
    [InlineData("collaborator", TeamRole.Collaborator)]
    public void role_name_parses_to_role(string name, TeamRole expected)
    {
        TeamRoles.TryParse(name, out var role).ShouldBeTrue();
        role.ShouldBe(expected);
    }

    [Fact]
    public void owner_parses_as_admin()
    {
        TeamRoles.TryParse("owner", out var role).ShouldBeTrue();
        role.ShouldBe(TeamRole.Admin);
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData("admin ")]
    [InlineData("")]
    [InlineData(null)]
    public void unknown_role_name_is_rejected(string? name)
    {
        TeamRoles.TryParse(name, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(TeamRole.Admin, "admin")]
    [InlineData(TeamRole.Member, "member")]
    [InlineData(TeamRole.Viewer, "viewer")]
    [InlineData(TeamRole.Collaborator, "collaborator")]
    public void role_has_lower_case_name(TeamRole role, string expected)
    {
        TeamRoles.ToName(role).ShouldBe(expected);
        JsonSerializer.Serialize(role).ShouldBe($"\"{expected}\"");
    }

    [Theory]
    [InlineData(TeamRole.Admin)]
    [InlineData(TeamRole.Member)]
    [InlineData(TeamRole.Viewer)]
    public void non_collaborator_role_is_official(TeamRole role)
    {
        TeamRoles.IsOfficial(role).ShouldBeTrue();
    }

    [Fact]
    public void collaborator_is_not_official()
    {
        TeamRoles.IsOfficial(TeamRole.Collaborator).ShouldBeFalse();
    }

    [Fact]
    public void roster_import_sets_every_role()
    {
        var team = WebWithAnnAdmin(Holder(Bob, "bob@acme.test", TeamRole.Collaborator));

        team.Roles.Count.ShouldBe(2);
        team.Roles[Bob].Role.ShouldBe(TeamRole.Collaborator);
    }

    [Fact]
    public void evolve_ignores_removal_before_roster()
    {
        var team = Aggregates.Fold<EnterpriseTeam>(
            [
                new TeamRoleRemoved(Web, AccountId, Bob, "bob@acme.test", TeamRole.Viewer, Operator),
                new TeamRosterImported(Web, AccountId, [Holder(Ann, "ann@acme.test", TeamRole.Admin)], Operator),
            ],
            EnterpriseTeam.Evolve);

        team.ShouldNotBeNull();
        team.Roles.Keys.ShouldBe([Ann]);
    }

    [Fact]
    public void created_team_starts_with_creator_role()
    {
        var team = Aggregates.Fold<EnterpriseTeam>(
            [new TeamRoleAssigned(Web, AccountId, Bob, "bob@acme.test", TeamRole.Admin, Operator)],
            EnterpriseTeam.Evolve);

        team.ShouldNotBeNull();
        team.Roles[Bob].Role.ShouldBe(TeamRole.Admin);
    }

    [Fact]
    public void reassigned_role_keeps_security()
    {
        var security = new MemberSecurity(true, true, "okta");
        var roster = new TeamRosterImported(
            Web, AccountId, [new TeamRoleHolder(Ann, "ann@acme.test", TeamRole.Member, security)], Operator);

        var team = Given.Team(
            roster, new TeamRoleAssigned(Web, AccountId, Ann, "ann@acme.test", TeamRole.Viewer, Operator));

        team.Roles[Ann].Role.ShouldBe(TeamRole.Viewer);
        team.Roles[Ann].Security.ShouldBe(security);
    }

    [Fact]
    public void assigning_role_emits_role_assigned()
    {
        var team = WebWithAnnAdmin();

        var decision = TeamRoleDecisions.Assign(team, Bob, "bob@acme.test", TeamRole.Collaborator, Operator);

        var expected = new TeamRoleAssigned(Web, AccountId, Bob, "bob@acme.test", TeamRole.Collaborator, Operator);
        decision.Events.ShouldBe([expected]);
    }

    [Fact]
    public void assigning_held_role_emits_nothing()
    {
        var team = WebWithAnnAdmin();

        var decision = TeamRoleDecisions.Assign(team, Ann, "ann@acme.test", TeamRole.Admin, Operator);

        decision.IsRejected.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void demoting_last_team_admin_is_rejected()
    {
        var team = WebWithAnnAdmin(Holder(Bob, "bob@acme.test", TeamRole.Member));

        var decision = TeamRoleDecisions.Assign(team, Ann, "ann@acme.test", TeamRole.Member, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TeamRoleDecisions.LastAdmin);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void demoting_admin_beside_another_is_accepted()
    {
        var team = WebWithAnnAdmin(Holder(Bob, "bob@acme.test", TeamRole.Admin));

        var decision = TeamRoleDecisions.Assign(team, Ann, "ann@acme.test", TeamRole.Viewer, Operator);

        var expected = new TeamRoleAssigned(
            Web, AccountId, Ann, "ann@acme.test", TeamRole.Viewer, Operator, PreviousRole: TeamRole.Admin);
        decision.Events.ShouldBe([expected]);
    }

    [Fact]
    public void removing_role_emits_role_removed()
    {
        var team = WebWithAnnAdmin(Holder(Bob, "bob@acme.test", TeamRole.Viewer));

        var decision = TeamRoleDecisions.Remove(team, Bob, Operator);

        decision.Events.ShouldBe([new TeamRoleRemoved(Web, AccountId, Bob, "bob@acme.test", TeamRole.Viewer, Operator)]);
    }

    [Fact]
    public void removing_last_team_admin_is_rejected()
    {
        var team = WebWithAnnAdmin(Holder(Bob, "bob@acme.test", TeamRole.Member));

        var decision = TeamRoleDecisions.Remove(team, Ann, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TeamRoleDecisions.LastAdmin);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void removing_user_without_role_is_rejected()
    {
        var team = WebWithAnnAdmin();

        var decision = TeamRoleDecisions.Remove(team, Cyd, Operator);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TeamRoleDecisions.NoRole);
        decision.Events.ShouldBeEmpty();
    }
}
