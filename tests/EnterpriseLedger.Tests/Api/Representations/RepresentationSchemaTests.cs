using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Host.Api;
using EnterpriseLedger.Host.Api.Representations;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;
using EnterpriseLedger.Tests.Support;
using Shouldly;

// Not EnterpriseLedger.Tests.Api, because that namespace would hide Acme.Api from the domain tests.
namespace EnterpriseLedger.Tests.Http.Representations;

public sealed class RepresentationSchemaTests
{
    private static readonly Guid AccountId = Guid.Parse("a0000000-0000-4000-8000-000000000001");
    private static readonly Guid TeamId = Guid.Parse("7e000000-0000-4000-8000-000000000001");
    private static readonly Guid ProviderId = Guid.Parse("1d000000-0000-4000-8000-000000000001");
    private static readonly Guid Ana = Guid.Parse("0a000000-0000-4000-8000-000000000001");
    private static readonly Guid Ben = Guid.Parse("0b000000-0000-4000-8000-000000000002");
    private static readonly DateTimeOffset Created = new(2024, 3, 1, 11, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Updated = new(2024, 4, 2, 8, 15, 30, TimeSpan.Zero);

    private static readonly IdentityProvider Provider = new(
        ProviderId, "northwind-sso", "https://sso.northwind.test/login", "https://sso.northwind.test");

    private static readonly string Owner =
        $$"""{"id":"{{AccountId}}","name":"northwind","type":"enterprise-account"}""";

    private static readonly MemberSecurity SsoAnd2Fa = new(true, true, "northwind-sso");
    private static readonly MemberSecurity Neither = new(false, false, null);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void account_matches_schema(bool withProvider)
    {
        var view = Account(withProvider ? Provider : null);

        var json = Serialize(EnterpriseAccountRepresentation.From(view, Permissions.View | Permissions.Manage));

        json.ShouldMatchSchema("enterprise-account");
        Keys(json).ShouldBe(HerokuSchema.PropertyNames("enterprise-account"), ignoreOrder: true);
    }

    [Fact]
    public void account_shows_caller_permissions_and_provider()
    {
        var permissions = Permissions.View | Permissions.Create;
        var json = Serialize(EnterpriseAccountRepresentation.From(Account(Provider), permissions));
        var node = Parse(json);

        node["permissions"]?.ToJsonString().ShouldBe("""["view","create"]""");
        node["trial"]?.GetValue<bool>().ShouldBe(false);
        node["partner_benefits"]?.GetValue<bool>().ShouldBe(false);
        node["identity_provider"]?.ToJsonString().ShouldBe(
            $$$"""{"id":"{{{ProviderId}}}","name":"northwind-sso","owner":{{{Owner}}}}""");
    }

    [Fact]
    public void account_without_provider_writes_null()
    {
        var json = Serialize(EnterpriseAccountRepresentation.From(Account(provider: null), Permissions.View));

        Parse(json).AsObject().ContainsKey("identity_provider").ShouldBeTrue();
        Parse(json)["identity_provider"].ShouldBeNull();
    }

    [Fact]
    public void timestamps_are_written_in_utc()
    {
        var node = Parse(Serialize(EnterpriseAccountRepresentation.From(Account(null), Permissions.View)));

        node["created_at"]?.GetValue<string>().ShouldBe("2024-03-01T09:30:00Z");
        node["updated_at"]?.GetValue<string>().ShouldBe("2024-04-02T08:15:30Z");
    }

    [Fact]
    public void member_without_sso_or_2fa_matches_schema()
    {
        var account = Account(Provider);

        var json = Serialize(EnterpriseAccountMemberRepresentation.From(Member(Ana, Neither), account));

        json.ShouldMatchSchema("enterprise-account-member");
        Keys(json).ShouldBe(HerokuSchema.PropertyNames("enterprise-account-member"), ignoreOrder: true);
        Parse(json)["two_factor_authentication"]?.GetValue<bool>().ShouldBe(false);
        Parse(json)["identity_provider"].ShouldBeNull();
    }

    [Fact]
    public void member_with_sso_and_2fa_matches_schema()
    {
        var account = Account(Provider);

        var json = Serialize(EnterpriseAccountMemberRepresentation.From(Member(Ana, SsoAnd2Fa), account));

        json.ShouldMatchSchema("enterprise-account-member");
        Parse(json)["two_factor_authentication"]?.GetValue<bool>().ShouldBe(true);
        Parse(json)["identity_provider"]?.ToJsonString().ShouldBe(
            $$$"""{"id":"{{{ProviderId}}}","name":"northwind-sso","redacted":false,"owner":{{{Owner}}}}""");
    }

    [Theory]
    [InlineData("legacy-sso", null)]
    [InlineData(null, null)]
    [InlineData("legacy-sso", "northwind-sso")]
    public void member_of_other_provider_shows_its_name(string? reported, string? accountProvider)
    {
        var provider = accountProvider is null ? null : Provider;
        var member = Member(Ana, new MemberSecurity(false, true, reported));

        var json = Serialize(EnterpriseAccountMemberRepresentation.From(member, Account(provider)));

        json.ShouldMatchSchema("enterprise-account-member");
        var expected = reported is null ? """{"redacted":false}""" : $$"""{"name":"{{reported}}","redacted":false}""";
        Parse(json)["identity_provider"]?.ToJsonString().ShouldBe(expected);
    }

    [Fact]
    public void member_permissions_carry_descriptions()
    {
        var member = Member(Ana, Neither);
        member.Permissions = Permissions.All;

        var node = Parse(Serialize(EnterpriseAccountMemberRepresentation.From(member, Account(null))));
        var permissions = node["permissions"]?.AsArray() ?? [];

        permissions.Select(permission => permission?["name"]?.GetValue<string>())
            .ShouldBe(["view", "billing", "manage", "create"]);
        permissions.ShouldAllBe(permission => permission!["description"]!.GetValue<string>().EndsWith('.'));
    }

    [Fact]
    public void member_shows_account_and_user()
    {
        var node = Parse(Serialize(EnterpriseAccountMemberRepresentation.From(Member(Ben, Neither), Account(null))));

        node["id"]?.GetValue<string>().ShouldBe(Ben.ToString());
        node["enterprise_account"]?.ToJsonString().ShouldBe($$"""{"id":"{{AccountId}}","name":"northwind"}""");
        node["user"]?.ToJsonString().ShouldBe($$"""{"email":"ben@northwind.test","id":"{{Ben}}"}""");
    }

    [Fact]
    public void member_list_matches_schema()
    {
        var account = Account(Provider);
        account.Members = [Member(Ana, SsoAnd2Fa), Member(Ben, Neither)];

        var members = account.Members.Select(member => EnterpriseAccountMemberRepresentation.From(member, account));

        Serialize(members.ToList()).ShouldMatchSchema("enterprise-account-member");
    }

    [Theory]
    [InlineData(TeamRole.Admin, true)]
    [InlineData(TeamRole.Member, false)]
    [InlineData(TeamRole.Collaborator, true)]
    [InlineData(null, false)]
    public void team_matches_schema(TeamRole? callerRole, bool withProvider)
    {
        var json = Serialize(TeamRepresentation.From(Team(), Account(withProvider ? Provider : null), callerRole));

        json.ShouldMatchSchema("team");
        Keys(json).ShouldBe(HerokuSchema.PropertyNames("team"), ignoreOrder: true);
    }

    [Fact]
    public void team_shows_account_role_and_type()
    {
        var node = Parse(Serialize(TeamRepresentation.From(Team(), Account(Provider), TeamRole.Admin)));

        node["name"]?.GetValue<string>().ShouldBe("web");
        node["role"]?.GetValue<string>().ShouldBe("admin");
        node["type"]?.GetValue<string>().ShouldBe("enterprise");
        node["provisioned_licenses"]?.GetValue<bool>().ShouldBe(true);
        node["membership_limit"].ShouldBeNull();
        node["enterprise_account"]?.ToJsonString().ShouldBe($$"""{"id":"{{AccountId}}","name":"northwind"}""");
        node["identity_provider"]?["owner"]?["type"]?.GetValue<string>().ShouldBe("enterprise-account");
        node["created_at"]?.GetValue<string>().ShouldBe("2024-03-01T09:30:00Z");
    }

    [Fact]
    public void team_without_caller_role_writes_null()
    {
        var node = Parse(Serialize(TeamRepresentation.From(Team(), Account(null), callerRole: null)));

        node.AsObject().ContainsKey("role").ShouldBeTrue();
        node["role"].ShouldBeNull();
    }

    [Fact]
    public void team_of_other_account_is_rejected()
    {
        var team = Team();
        team.AccountId = Guid.Parse("a0000000-0000-4000-8000-000000000009");

        Should.Throw<ArgumentException>(() => TeamRepresentation.From(team, Account(null), TeamRole.Admin));
    }

    [Theory]
    [InlineData(TeamRole.Admin)]
    [InlineData(TeamRole.Member)]
    [InlineData(TeamRole.Collaborator)]
    public void team_member_matches_schema(TeamRole role)
    {
        var entry = new TeamRoleEntry(Ana, "ana@northwind.test", role);

        var json = Serialize(TeamMemberRepresentation.From(entry, Account(Provider), Neither, Created, Updated));

        json.ShouldMatchSchema("team-member");
        Keys(json).ShouldBe(HerokuSchema.PropertyNames("team-member"), ignoreOrder: true);
        Parse(json)["role"]?.GetValue<string>().ShouldBe(TeamRoles.ToName(role));
    }

    [Fact]
    public void team_member_with_sso_and_2fa_matches_schema()
    {
        var entry = new TeamRoleEntry(Ana, "ana@northwind.test", TeamRole.Admin);

        var json = Serialize(TeamMemberRepresentation.From(entry, Account(Provider), SsoAnd2Fa, Created, Updated));
        var node = Parse(json);

        json.ShouldMatchSchema("team-member");
        node["federated"]?.GetValue<bool>().ShouldBe(true);
        node["two_factor_authentication"]?.GetValue<bool>().ShouldBe(true);
        node["identity_provider"]?["id"]?.GetValue<string>().ShouldBe(ProviderId.ToString());
        node["user"]?.ToJsonString().ShouldBe($$"""{"email":"ana@northwind.test","id":"{{Ana}}","name":null}""");
    }

    [Fact]
    public void team_viewer_breaks_heroku_role_enum()
    {
        // Heroku's team role enum has no viewer, but the ledger writes the role as it is.
        var entry = new TeamRoleEntry(Ben, "ben@northwind.test", TeamRole.Viewer);

        var json = Serialize(TeamMemberRepresentation.From(entry, Account(null), Neither, Created, Updated));

        Parse(json)["role"]?.GetValue<string>().ShouldBe("viewer");
        HerokuSchema.Validate("team-member", json).ShouldBe(["#/role: NotInEnumeration"]);
    }

    [Fact]
    public void api_json_keeps_permissions_converter()
    {
        var json = JsonSerializer.Serialize(Permissions.View | Permissions.Billing, ApiJson.Options);

        json.ShouldBe("""["view","billing"]""");
    }

    [Fact]
    public void api_json_writes_enums_as_strings()
    {
        JsonSerializer.Serialize(IdentityProviderOwnerType.EnterpriseAccount, ApiJson.Options)
            .ShouldBe("\"enterprise-account\"");
        JsonSerializer.Serialize(SampleState.LastPage, ApiJson.Options).ShouldBe("\"last_page\"");
        JsonSerializer.Serialize(TeamRole.Viewer, ApiJson.Options).ShouldBe("\"viewer\"");
    }

    [Fact]
    public void api_json_rejects_enum_numbers()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<SampleState>("1", ApiJson.Options));
        JsonSerializer.Deserialize<SampleState>("\"last_page\"", ApiJson.Options)
            .ShouldBe(SampleState.LastPage);
    }

    private enum SampleState
    {
        FirstPage,
        LastPage,
    }

    private static AccessView Account(IdentityProvider? provider) => new()
    {
        Id = AccountId,
        Name = "northwind",
        CompanyId = Guid.Parse("c0000000-0000-4000-8000-000000000001"),
        IdentityProvider = provider,
        CreatedAt = Created,
        UpdatedAt = Updated,
    };

    private static AccessMember Member(Guid userId, MemberSecurity security) => new()
    {
        UserId = userId,
        Email = userId == Ana ? "ana@northwind.test" : "ben@northwind.test",
        Permissions = Permissions.View | Permissions.Manage,
        Security = security,
        AddedAt = Created,
    };

    private static TeamView Team() => new()
    {
        Id = TeamId,
        AccountId = AccountId,
        Name = "web",
        CreatedAt = Created,
        UpdatedAt = Updated,
        ProvisionedLicenses = true,
    };

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    private static JsonNode Parse(string json) => JsonNode.Parse(json) ?? throw new InvalidDataException(json);

    private static List<string> Keys(string json) => Parse(json).AsObject().Select(property => property.Key).ToList();
}
