using System.Text.Json;
using EnterpriseLedger.Domain;
using Shouldly;

namespace EnterpriseLedger.Tests.Domain;

public sealed class PermissionsJsonTests
{
    [Fact]
    public void all_permissions_write_in_canonical_order()
    {
        JsonSerializer.Serialize(Permissions.All).ShouldBe("""["view","billing","manage","create"]""");
    }

    [Fact]
    public void partial_permissions_write_in_canonical_order()
    {
        var json = JsonSerializer.Serialize(Permissions.Create | Permissions.View | Permissions.Manage);

        json.ShouldBe("""["view","manage","create"]""");
    }

    [Fact]
    public void no_permissions_write_empty_array()
    {
        JsonSerializer.Serialize(Permissions.None).ShouldBe("[]");
    }

    [Fact]
    public void names_read_in_any_order()
    {
        var permissions = JsonSerializer.Deserialize<Permissions>("""["create","view","billing"]""");

        permissions.ShouldBe(Permissions.View | Permissions.Billing | Permissions.Create);
    }

    [Fact]
    public void repeated_name_reads_once()
    {
        JsonSerializer.Deserialize<Permissions>("""["view","view"]""").ShouldBe(Permissions.View);
    }

    [Fact]
    public void permissions_round_trip_inside_object()
    {
        var json = JsonSerializer.Serialize(new Grant("ann", Permissions.View | Permissions.Billing));

        json.ShouldBe("""{"User":"ann","Permissions":["view","billing"]}""");
        JsonSerializer.Deserialize<Grant>(json).ShouldBe(new Grant("ann", Permissions.View | Permissions.Billing));
    }

    [Theory]
    [InlineData("""["view","admin"]""")]
    [InlineData("""["View"]""")]
    [InlineData("""["view",1]""")]
    [InlineData("""["view",null]""")]
    [InlineData("\"view\"")]
    [InlineData("5")]
    public void unknown_or_malformed_permissions_are_rejected(string json)
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Permissions>(json));
    }

    [Fact]
    public void unknown_name_error_lists_known_names()
    {
        var error = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Permissions>("""["admin"]"""));

        error.Message.ShouldContain("view, billing, manage, create");
    }

    [Fact]
    public void format_joins_names_canonically()
    {
        PermissionNames.Format(Permissions.Manage | Permissions.View).ShouldBe("view, manage");
    }

    private sealed record Grant(string User, Permissions Permissions);
}
