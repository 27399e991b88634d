using System.Text.Json.Nodes;
using EnterpriseLedger.Host.ProjectionCheck;
using Shouldly;

namespace EnterpriseLedger.Tests.ProjectionCheck;

public sealed class JsonDifferencesTests
{
    [Fact]
    public void equal_documents_have_no_differences()
    {
        var differences = Between("""{"a": 1, "b": [1, {"c": null}]}""", """{"b": [1, {"c": null}], "a": 1}""");

        differences.ShouldBeEmpty();
    }

    [Fact]
    public void nested_value_is_named_by_its_path()
    {
        var differences = Between(
            """{"members": [{"email": "a@x.test", "permissions": "View"}]}""",
            """{"members": [{"email": "a@x.test", "permissions": "All"}]}""");

        var difference = differences.ShouldHaveSingleItem();
        difference.Path.ShouldBe("members[0].permissions");
        difference.Live.ShouldBe("\"View\"");
        difference.Rebuilt.ShouldBe("\"All\"");
    }

    [Fact]
    public void absent_member_differs_from_null()
    {
        var differences = Between("""{"provider": null}""", """{}""");

        var difference = differences.ShouldHaveSingleItem();
        difference.Path.ShouldBe("provider");
        difference.Live.ShouldBe("null");
        difference.Rebuilt.ShouldBeNull();
    }

    [Fact]
    public void longer_array_lists_each_extra_index()
    {
        var differences = Between("""{"teams": ["a"]}""", """{"teams": ["a", "b", "c"]}""");

        differences.Select(difference => difference.Path).ShouldBe(["teams[1]", "teams[2]"]);
        differences.ShouldAllBe(difference => difference.Live == null);
        differences[1].Rebuilt.ShouldBe("\"c\"");
    }

    [Fact]
    public void different_kinds_of_value_differ_as_a_whole()
    {
        var differences = Between("""{"roles": {"admin": 1}}""", """{"roles": [1]}""");

        var difference = differences.ShouldHaveSingleItem();
        difference.Path.ShouldBe("roles");
        difference.Live.ShouldBe("""{"admin":1}""");
        difference.Rebuilt.ShouldBe("[1]");
    }

    [Fact]
    public void different_roots_are_named_as_the_document()
    {
        var differences = Between("[1]", "{}");

        differences.ShouldHaveSingleItem().Path.ShouldBe(JsonDifferences.RootPath);
    }

    private static IReadOnlyList<FieldDifference> Between(string live, string rebuilt) =>
        JsonDifferences.Between(JsonNode.Parse(live), JsonNode.Parse(rebuilt));
}
