using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Access;
using Shouldly;

namespace EnterpriseLedger.Tests.Domain.Access;

public sealed class AccessRulesTests
{
    // The permission table: which permission each action needs.
    public static TheoryData<AccountAction, Permissions> Table => new()
    {
        { AccountAction.ViewAccount, Permissions.View },
        { AccountAction.ListMembers, Permissions.View },
        { AccountAction.ListTeams, Permissions.View },
        { AccountAction.ViewTeam, Permissions.View },
        { AccountAction.ListTeamMembers, Permissions.View },
        { AccountAction.RenameAccount, Permissions.Manage },
        { AccountAction.ConfigureIdentityProvider, Permissions.Manage },
        { AccountAction.ChangeMembers, Permissions.Manage },
        { AccountAction.ChangeTeamMembers, Permissions.Manage },
        { AccountAction.CreateTeam, Permissions.Create },
        { AccountAction.RenameTeam, Permissions.Create },
        { AccountAction.DeleteTeam, Permissions.Create },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void action_needs_its_permission(AccountAction action, Permissions required)
    {
        AccessRules.Required(action).ShouldBe(required);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void every_permission_combination_is_decided(AccountAction action, Permissions required)
    {
        for (var bits = 0; bits < 16; bits++)
        {
            var held = (Permissions)bits | Permissions.View;
            var expected = held.HasFlag(required) ? AccessDecision.Allowed : AccessDecision.Forbidden;

            AccessRules.Check(action, held, holdsTeamRole: true).ShouldBe(expected, $"{action} with {held}");
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void non_member_gets_not_found(AccountAction action, Permissions required)
    {
        _ = required;

        AccessRules.Check(action, callerPermissions: null, holdsTeamRole: true).ShouldBe(AccessDecision.NotFound);
    }

    [Fact]
    public void admin_without_team_role_gets_not_found()
    {
        var teamActions = Enum.GetValues<AccountAction>().Where(AccessRules.ConcernsOneTeam);

        foreach (var action in teamActions)
        {
            AccessRules.Check(action, Permissions.All, holdsTeamRole: false).ShouldBe(AccessDecision.NotFound, $"{action}");
        }
    }

    [Fact]
    public void account_actions_ignore_team_role()
    {
        AccessRules.Check(AccountAction.ListMembers, Permissions.View, holdsTeamRole: false)
            .ShouldBe(AccessDecision.Allowed);
    }
}
