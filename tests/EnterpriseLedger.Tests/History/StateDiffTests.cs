using System.Text.Json.Nodes;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Host.History;
using EnterpriseLedger.Tests.Domain;
using EnterpriseLedger.Tests.Domain.Accounts;
using Shouldly;

namespace EnterpriseLedger.Tests.History;

/// <summary>The diff between an account's JSON before and after one event, on the account "acme".</summary>
public sealed class StateDiffTests
{
    private static readonly IdentityProvider Okta =
        new(Guid.Parse("1d000000-0000-4000-8000-000000000001"), "acme-sso", "https://sso.acme.test", "acme");

    [Fact]
    public void rename_reads_old_to_new()
    {
        var changes = Diff([Acme.Created()], new AccountRenamed(Acme.AccountId, "acme", "acme-inc", Acme.Operator));

        changes.Select(change => change.Describe()).ShouldBe(["name: acme -> acme-inc"]);
    }

    [Fact]
    public void permission_change_names_member_by_email()
    {
        var given = new object[] { Acme.Created(), Acme.Member(Acme.Cyd, "cyd@acme.test", Permissions.View) };

        var changes = Diff(given, Acme.Granted(Acme.Cyd, Permissions.Billing));

        var change = changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("members[cyd@acme.test].permissions");
        change.Kind.ShouldBe(StateChangeKind.Changed);
        change.Describe().ShouldBe("members[cyd@acme.test].permissions: view -> view, billing");
    }

    [Fact]
    public void added_member_is_one_change()
    {
        var changes = Diff([Acme.Created()], Acme.Member(Acme.Bob, "bob@acme.test", Permissions.View));

        var change = changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("members[bob@acme.test]");
        change.Kind.ShouldBe(StateChangeKind.Added);
        change.Before.ShouldBeNull();
        var json = $$"""{"user_id":"{{Acme.Bob}}","email":"bob@acme.test","permissions":["view"]}""";
        change.Describe().ShouldBe($"members[bob@acme.test]: added {json}");
    }

    [Fact]
    public void added_member_opens_into_lines()
    {
        var change = Diff([Acme.Created()], Acme.Member(Acme.Bob, "bob@acme.test", Permissions.View)).Single();

        var lines = StateText.ChangeLines(change);

        lines.ShouldBe(
        [
            "members[bob@acme.test]: added",
            $"    user_id: {Acme.Bob}",
            "    email: bob@acme.test",
            "    permissions: view",
        ]);
    }

    [Fact]
    public void removed_member_keeps_email_label()
    {
        var given = new object[] { Acme.Created(), Acme.Member(Acme.Bob, "bob@acme.test", Permissions.View) };

        var changes = Diff(given, Acme.Removed(Acme.Bob, Permissions.View));

        var change = changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("members[bob@acme.test]");
        change.Kind.ShouldBe(StateChangeKind.Removed);
        change.After.ShouldBeNull();
    }

    [Fact]
    public void dictionary_without_email_uses_id()
    {
        var changes = Diff([Acme.Created()], Acme.Team(Acme.Web, "web"));

        changes.Select(change => change.Describe()).ShouldBe([$"teams[{Acme.Web}]: added web"]);
    }

    [Fact]
    public void nested_object_change_has_dotted_path()
    {
        var configured = new IdentityProviderConfigured(Acme.AccountId, Okta, Acme.Operator);
        var given = new object[] { Acme.Created(), configured };
        var renamed = Okta with { Name = "acme-okta" };

        var changes = Diff(given, new IdentityProviderConfigured(Acme.AccountId, renamed, Acme.Operator));

        changes.Select(change => change.Describe()).ShouldBe(["identity_provider.name: acme-sso -> acme-okta"]);
    }

    [Fact]
    public void null_to_object_is_one_change()
    {
        var changes = Diff([Acme.Created()], new IdentityProviderConfigured(Acme.AccountId, Okta, Acme.Operator));

        var change = changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("identity_provider");
        change.Kind.ShouldBe(StateChangeKind.Changed);
        change.Describe().ShouldStartWith("identity_provider: null -> {\"id\":");
    }

    [Fact]
    public void first_state_lists_each_member_as_added()
    {
        var changes = StateDiff.Between(null, Json(Given.Account(Acme.Created())));

        changes.Select(change => change.Describe()).ShouldBe(
        [
            $"id: added {Acme.AccountId}",
            "name: added acme",
            $"company_id: added {Acme.CompanyId}",
            "members: added {}",
            "teams: added {}",
            "identity_provider: added null",
        ]);
    }

    [Fact]
    public void new_id_dictionary_lists_each_entry()
    {
        var before = JsonNode.Parse("""{"roles": null}""");
        var after = JsonNode.Parse($$"""{"roles": {"{{Acme.Ann}}": {"email": "ann@acme.test", "role": "admin" } } }""");

        var changes = StateDiff.Between(new JsonObject(), after);
        var fromNull = StateDiff.Between(before, after);

        changes.ShouldHaveSingleItem().Path.ShouldBe("roles[ann@acme.test]");
        fromNull.ShouldHaveSingleItem().Describe().ShouldStartWith("roles: null -> {");
    }

    [Fact]
    public void computed_properties_are_left_out()
    {
        var state = Given.Account(Acme.Created(), Acme.Member(Acme.Ann, "ann@acme.test", Permissions.All));

        var json = Json(state).ShouldNotBeNull().AsObject();

        state.ManagerCount.ShouldBe(1);
        json.ContainsKey("manager_count").ShouldBeFalse();
    }

    [Fact]
    public void event_without_effect_has_no_changes()
    {
        var given = new object[] { Acme.Created() };

        var removed = new MemberRemoved(Acme.AccountId, Acme.Bob, "bob@acme.test", Permissions.View, Acme.Operator);

        var changes = Diff(given, removed);

        changes.ShouldBeEmpty();
    }

    [Fact]
    public void state_lines_open_objects_to_values()
    {
        var state = Given.Account(Acme.Created(), Acme.Member(Acme.Ann, "ann@acme.test", Permissions.All));

        var lines = StateText.StateLines(Json(state)).ToList();

        lines.ShouldContain("name: acme");
        lines.ShouldContain("members[ann@acme.test].permissions: view, billing, manage, create");
        lines.ShouldContain("teams: {}");
        lines.ShouldContain("identity_provider: null");
    }

    private static IReadOnlyList<StateChange> Diff(object[] given, object @event)
    {
        var before = Given.Account(given);
        var after = EnterpriseAccount.Evolve(before, @event);
        return StateDiff.Between(Json(before), Json(after));
    }

    private static JsonNode? Json(EnterpriseAccount? account) => HistoryJson.ToNode(account);
}
