using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Host.Api;
using EnterpriseLedger.Host.Api.Representations;
using EnterpriseLedger.Projections.Accounts;
using Shouldly;

namespace EnterpriseLedger.Tests.Support;

public sealed class HerokuSchemaTests
{
    private const string Account = """
        {
          "id": "01234567-89ab-cdef-0123-456789abcdef",
          "created_at": "2012-01-01T12:00:00Z",
          "name": "example",
          "updated_at": "2012-01-01T12:00:00Z",
          "permissions": ["view"],
          "trial": false,
          "partner_benefits": false,
          "identity_provider": null
        }
        """;

    [Fact]
    public void sample_account_representation_validates()
    {
        var view = new AccessView
        {
            Id = Guid.Parse("5a1e0000-0000-4000-8000-000000000001"),
            Name = "northwind",
            CreatedAt = new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2024, 3, 2, 9, 30, 0, TimeSpan.Zero),
            IdentityProvider = new IdentityProvider(
                Guid.Parse("1d900000-0000-4000-8000-000000000001"),
                "northwind-sso",
                "https://sso.northwind.test/login",
                "https://sso.northwind.test"),
        };
        var representation = EnterpriseAccountRepresentation.From(view, Permissions.All);

        var json = JsonSerializer.Serialize(representation, ApiJson.Options);

        HerokuSchema.Validate("enterprise-account", json).ShouldBeEmpty();
    }

    [Fact]
    public void heroku_example_account_validates()
    {
        HerokuSchema.Validate("enterprise-account", Account).ShouldBeEmpty();
    }

    [Fact]
    public void extra_property_on_strict_definition_fails()
    {
        var json = Account.Replace(
            "\"trial\": false,", "\"trial\": false, \"plan\": \"gold\",", StringComparison.Ordinal);

        var errors = HerokuSchema.Validate("enterprise-account", json);

        errors.ShouldBe(["#/plan: NoAdditionalPropertiesAllowed"]);
    }

    [Fact]
    public void extra_property_on_nested_strict_object_fails()
    {
        var json = Account.Replace(
            "\"identity_provider\": null",
            """
            "identity_provider": {
              "id": "01234567-89ab-cdef-0123-456789abcdef",
              "name": "acme-sso",
              "owner": { "id": "01234567-89ab-cdef-0123-456789abcdef", "type": "enterprise-account" },
              "certificate": "-----BEGIN CERTIFICATE-----"
            }
            """,
            StringComparison.Ordinal);

        var errors = HerokuSchema.Validate("enterprise-account", json);

        errors.ShouldBe(["#/identity_provider.certificate: NoAdditionalPropertiesAllowed"]);
    }

    [Fact]
    public void extra_property_on_loose_object_passes()
    {
        // The items of expanded_permissions are not marked strict in Heroku's schema.
        const string member = """
            {
              "enterprise_account": { "id": "01234567-89ab-cdef-0123-456789abcdef", "name": "example" },
              "id": "01234567-89ab-cdef-0123-456789abcdef",
              "permissions": [{ "description": "View.", "name": "view", "granted_by": "someone" }],
              "user": { "email": "ana@example.test", "id": "01234567-89ab-cdef-0123-456789abcdef" },
              "two_factor_authentication": true,
              "identity_provider": null
            }
            """;

        HerokuSchema.Validate("enterprise-account-member", member).ShouldBeEmpty();
    }

    [Fact]
    public void wrong_type_fails()
    {
        var json = Account.Replace("\"trial\": false", "\"trial\": \"no\"", StringComparison.Ordinal);

        var errors = HerokuSchema.Validate("enterprise-account", json);

        errors.ShouldBe(["#/trial: BooleanExpected"]);
    }

    [Fact]
    public void null_for_non_nullable_fails()
    {
        var json = Account.Replace("\"name\": \"example\"", "\"name\": null", StringComparison.Ordinal);

        var errors = HerokuSchema.Validate("enterprise-account", json);

        errors.ShouldBe(["#/name: StringExpected"]);
    }

    [Fact]
    public void malformed_uuid_and_date_fail()
    {
        var json = Account
            .Replace("01234567-89ab-cdef-0123-456789abcdef", "account-1", StringComparison.Ordinal)
            .Replace("\"created_at\": \"2012-01-01T12:00:00Z\"", "\"created_at\": \"soon\"", StringComparison.Ordinal);

        var errors = HerokuSchema.Validate("enterprise-account", json);

        errors.ShouldContain(error => error.StartsWith("#/id: ", StringComparison.Ordinal));
        errors.ShouldContain(error => error.StartsWith("#/created_at: ", StringComparison.Ordinal));
        errors.Count.ShouldBe(2);
    }

    [Fact]
    public void reference_into_other_definition_resolves()
    {
        // The owner's type comes from #/definitions/identity-provider/definitions/owner through two $refs.
        var json = Account.Replace(
            "\"identity_provider\": null",
            """
            "identity_provider": {
              "id": "01234567-89ab-cdef-0123-456789abcdef",
              "name": "acme-sso",
              "owner": { "id": "01234567-89ab-cdef-0123-456789abcdef", "type": "company" }
            }
            """,
            StringComparison.Ordinal);

        var errors = HerokuSchema.Validate("enterprise-account", json);

        errors.ShouldBe(["#/identity_provider.owner.type: NotInEnumeration"]);
    }

    [Fact]
    public void missing_required_property_fails()
    {
        const string member = """
            {
              "email": "ana@example.test",
              "federated": false,
              "updated_at": "2012-01-01T12:00:00Z"
            }
            """;

        var errors = HerokuSchema.Validate("team-member", member);

        errors.ShouldBe(["#/created_at: PropertyRequired"]);
    }

    [Fact]
    public void array_of_valid_items_matches()
    {
        $"[{Account}, {Account}]".ShouldMatchSchema("enterprise-account");
    }

    [Fact]
    public void array_with_invalid_item_fails()
    {
        var invalid = Account.Replace("\"trial\": false", "\"trial\": 0", StringComparison.Ordinal);

        var json = $"[{Account}, {invalid}]";

        var failure = Should.Throw<ShouldAssertException>(() => json.ShouldMatchSchema("enterprise-account"));

        failure.Message.ShouldContain("[1] #/trial: BooleanExpected");
        failure.Message.ShouldNotContain("[0]");
    }

    [Fact]
    public void invalid_object_fails_assertion()
    {
        var invalid = Account.Replace("\"name\": \"example\"", "\"name\": 7", StringComparison.Ordinal);

        var failure = Should.Throw<ShouldAssertException>(() => invalid.ShouldMatchSchema("enterprise-account"));

        failure.Message.ShouldContain("#/name: StringExpected");
    }

    [Fact]
    public void unknown_definition_is_rejected()
    {
        var failure = Should.Throw<ArgumentException>(() => HerokuSchema.Validate("enterprise", Account));

        failure.Message.ShouldContain("'enterprise'");
        failure.Message.ShouldContain("enterprise-account-member");
    }

    [Fact]
    public void property_names_follow_schema()
    {
        HerokuSchema.PropertyNames("enterprise-account").ShouldBe(
            ["id", "created_at", "name", "updated_at", "permissions", "trial", "partner_benefits", "identity_provider"],
            ignoreOrder: true);
    }
}
