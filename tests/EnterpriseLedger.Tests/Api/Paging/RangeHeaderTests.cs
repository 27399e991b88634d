using EnterpriseLedger.Host.Api;
using EnterpriseLedger.Host.Api.Paging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouldly;

// Not EnterpriseLedger.Tests.Api, because that namespace would hide Acme.Api from the domain tests.
namespace EnterpriseLedger.Tests.Http.Paging;

public sealed class RangeHeaderTests
{
    private static readonly string[] Fields = ["id", "name"];

    private static readonly Item[] Items =
    [
        new("c", "cedar"),
        new("a", "elm"),
        new("e", "ash"),
        new("b", "dogwood"),
        new("d", "birch"),
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void missing_header_gives_default_range(string? header)
    {
        var range = Parse(header);

        range.ShouldBe(new RangeHeader("id", null, false, null, 200, RangeOrder.Ascending));
    }

    [Fact]
    public void default_field_comes_from_caller()
    {
        RangeHeader.TryParse(null, Fields, "name", out var range, out _).ShouldBeTrue();

        range.Field.ShouldBe("name");
    }

    [Fact]
    public void open_range_uses_named_field()
    {
        Parse("name ..").ShouldBe(new RangeHeader("name", null, false, null, 200, RangeOrder.Ascending));
    }

    [Fact]
    public void max_sets_page_size()
    {
        Parse("id ..; max=10").Max.ShouldBe(10);
    }

    [Theory]
    [InlineData("1000", 1000)]
    [InlineData("1001", 1000)]
    [InlineData("5000", 1000)]
    [InlineData("99999999999999999999", 1000)]
    [InlineData("1", 1)]
    [InlineData("007", 7)]
    public void max_is_capped_at_1000(string max, int expected)
    {
        Parse($"id ..; max={max}").Max.ShouldBe(expected);
    }

    [Fact]
    public void exclusive_start_with_order_parses()
    {
        var range = Parse("name ]acme..; max=200, order=desc");

        range.ShouldBe(new RangeHeader("name", "acme", true, null, 200, RangeOrder.Descending));
    }

    [Fact]
    public void inclusive_start_and_end_parse()
    {
        Parse("id b..d").ShouldBe(new RangeHeader("id", "b", false, "d", 200, RangeOrder.Ascending));
    }

    [Theory]
    [InlineData("id b .. d")]
    [InlineData("id  b..  d ; max=200")]
    public void spaces_around_bounds_are_trimmed(string header)
    {
        Parse(header).ShouldBe(new RangeHeader("id", "b", false, "d", 200, RangeOrder.Ascending));
    }

    [Fact]
    public void end_only_range_parses()
    {
        Parse("id ..d; max=3").ShouldBe(new RangeHeader("id", null, false, "d", 3, RangeOrder.Ascending));
    }

    [Fact]
    public void exclusive_marker_without_start_is_ignored()
    {
        // The npm package heroku-client (0.6.0) sends this header for the first page of a listing.
        Parse("id ]..; max=1000").ShouldBe(new RangeHeader("id", null, false, null, 1000, RangeOrder.Ascending));
    }

    [Theory]
    [InlineData("id ..; order=desc,max=10;")]
    [InlineData("id ..;max=10;order=desc")]
    [InlineData("id ..; max=10, order=desc")]
    [InlineData("id ..; MAX=10, Order=DESC")]
    [InlineData("  id   ..  ;  max = 10 ,  order = desc  ;  ")]
    public void parameter_separators_are_flexible(string header)
    {
        Parse(header).ShouldBe(new RangeHeader("id", null, false, null, 10, RangeOrder.Descending));
    }

    [Fact]
    public void ascending_order_parses()
    {
        Parse("name ..; order=asc").Order.ShouldBe(RangeOrder.Ascending);
    }

    [Fact]
    public void start_may_contain_single_dots()
    {
        Parse("name ]ana.lee@northwind.test..").Start.ShouldBe("ana.lee@northwind.test");
    }

    [Theory]
    [InlineData("email ..")]
    [InlineData("Id ..")]
    [InlineData("created_at ]2024..; max=5")]
    public void unknown_field_is_rejected(string header)
    {
        var error = ParseError(header);

        error.ShouldContain($"'{header.Split(' ')[0]}'");
        error.ShouldContain("id, name");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("id a-b")]
    [InlineData("id..")]
    [InlineData("..")]
    [InlineData("; max=10")]
    [InlineData("id a..b..c")]
    [InlineData("id ; max=10")]
    public void malformed_header_is_rejected(string header)
    {
        var error = ParseError(header);

        error.ShouldStartWith("Invalid Range header");
        error.ShouldContain(RangeHeader.Syntax);
    }

    [Theory]
    [InlineData("max=0")]
    [InlineData("max=000")]
    [InlineData("max=-1")]
    [InlineData("max=ten")]
    [InlineData("max=")]
    [InlineData("max")]
    [InlineData("max=1.5")]
    public void invalid_max_is_rejected(string parameter)
    {
        var error = ParseError($"id ..; {parameter}");

        error.ShouldContain("max must be a whole number of 1 or more");
    }

    [Theory]
    [InlineData("order=up")]
    [InlineData("order=")]
    [InlineData("order")]
    public void invalid_order_is_rejected(string parameter)
    {
        ParseError($"id ..; {parameter}").ShouldContain("order must be asc or desc");
    }

    [Fact]
    public void unknown_parameter_is_rejected()
    {
        var error = ParseError("id ..; limit=10");

        error.ShouldContain("'limit'");
        error.ShouldContain("max=<n>");
    }

    [Theory]
    [InlineData("id ..; max=1, max=2")]
    [InlineData("id ..; order=asc; ORDER=desc")]
    public void repeated_parameter_is_rejected(string header)
    {
        ParseError(header).ShouldContain("given twice");
    }

    [Fact]
    public void failed_parse_leaves_default_range()
    {
        RangeHeader.TryParse("email ..", Fields, "id", out var range, out _).ShouldBeFalse();

        range.ShouldBe(RangeHeader.Default("id"));
    }

    [Fact]
    public void default_field_must_be_sortable()
    {
        Should.Throw<ArgumentException>(() => RangeHeader.TryParse(null, Fields, "email", out _, out _));
    }

    [Theory]
    [InlineData("id ..; max=200")]
    [InlineData("name ]acme..; max=10, order=desc")]
    [InlineData("id b..d; max=1")]
    [InlineData("id ..d; max=1000")]
    public void formatted_range_parses_back(string header)
    {
        var range = Parse(header);

        range.ToString().ShouldBe(header);
        Parse(range.ToString()).ShouldBe(range);
    }

    [Fact]
    public void problem_is_400_invalid_range()
    {
        var result = RangeHeader.Problem("Invalid Range header: unknown field 'email'.");

        var json = result.ShouldBeOfType<JsonHttpResult<ApiProblem.ProblemBody>>();
        json.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        json.ContentType.ShouldBe(ApiProblem.ContentType);
        json.Value?.Id.ShouldBe("invalid_range");
        json.Value?.Message.ShouldBe("Invalid Range header: unknown field 'email'.");
    }

    [Fact]
    public void accept_ranges_lists_fields()
    {
        RangeHeader.AcceptRanges(Fields).ShouldBe("id, name");
    }

    [Fact]
    public void last_page_has_no_next_range()
    {
        var page = Page.From(Items, Parse("id ..; max=10"), KeyOf);

        Ids(page).ShouldBe(["a", "b", "c", "d", "e"]);
        page.NextRange.ShouldBeNull();
        page.ContentRange.ShouldBe("id a..e");
        page.StatusCode.ShouldBe(200);
    }

    [Fact]
    public void truncated_page_sets_next_range()
    {
        var page = Page.From(Items, Parse("id ..; max=2"), KeyOf);

        Ids(page).ShouldBe(["a", "b"]);
        page.NextRange.ShouldBe("id ]b..; max=2");
        page.ContentRange.ShouldBe("id a..b");
        page.StatusCode.ShouldBe(206);
    }

    [Fact]
    public void page_of_exactly_max_is_last()
    {
        var page = Page.From(Items, Parse("id ..; max=5"), KeyOf);

        page.Items.Count.ShouldBe(5);
        page.NextRange.ShouldBeNull();
        page.StatusCode.ShouldBe(200);
    }

    [Fact]
    public void default_range_pages_by_200()
    {
        var many = Enumerable.Range(0, 450).Select(index => new Item($"{index:D4}", $"n{index:D4}")).ToList();

        var page = Page.From(many, RangeHeader.Default("id"), KeyOf);

        page.Items.Count.ShouldBe(200);
        page.NextRange.ShouldBe("id ]0199..; max=200");
    }

    [Fact]
    public void inclusive_start_includes_its_item()
    {
        Ids(Page.From(Items, Parse("id c..; max=2"), KeyOf)).ShouldBe(["c", "d"]);
    }

    [Fact]
    public void exclusive_start_skips_its_item()
    {
        Ids(Page.From(Items, Parse("id ]c..; max=2"), KeyOf)).ShouldBe(["d", "e"]);
    }

    [Fact]
    public void start_between_values_works()
    {
        Ids(Page.From(Items, Parse("id ]bb..; max=2"), KeyOf)).ShouldBe(["c", "d"]);
    }

    [Fact]
    public void end_bound_stays_in_next_range()
    {
        var first = Page.From(Items, Parse("id b..d; max=2"), KeyOf);
        var second = Page.From(Items, Parse(first.NextRange), KeyOf);

        Ids(first).ShouldBe(["b", "c"]);
        first.NextRange.ShouldBe("id ]c..d; max=2");
        Ids(second).ShouldBe(["d"]);
        second.NextRange.ShouldBeNull();
        second.ContentRange.ShouldBe("id d..d");
    }

    [Fact]
    public void descending_order_reverses_page()
    {
        var page = Page.From(Items, Parse("name ..; max=2, order=desc"), KeyOf);

        Names(page).ShouldBe(["elm", "dogwood"]);
        page.NextRange.ShouldBe("name ]dogwood..; max=2, order=desc");
        page.ContentRange.ShouldBe("name elm..dogwood");
    }

    [Fact]
    public void descending_start_counts_downwards()
    {
        Names(Page.From(Items, Parse("name ]dogwood..; order=desc"), KeyOf)).ShouldBe(["cedar", "birch", "ash"]);
        Names(Page.From(Items, Parse("name dogwood..birch; order=desc"), KeyOf))
            .ShouldBe(["dogwood", "cedar", "birch"]);
    }

    [Theory]
    [InlineData("id ..; max=1")]
    [InlineData("id ..; max=2")]
    [InlineData("name ..; max=2, order=desc")]
    [InlineData("name ]birch..; max=3")]
    public void following_next_range_visits_each_once(string header)
    {
        var range = Parse(header);
        var expected = Page.From(Items, range with { Max = RangeHeader.LargestMax }, KeyOf).Items;
        var visited = new List<Item>();

        for (var next = header; next is not null && visited.Count <= Items.Length;)
        {
            var page = Page.From(Items, Parse(next), KeyOf);
            visited.AddRange(page.Items);
            next = page.NextRange;
        }

        visited.ShouldBe(expected);
    }

    [Fact]
    public void keys_compare_ordinally()
    {
        Item[] mixed = [new("b", ""), new("B", ""), new("a", ""), new("é", ""), new("Z", "")];

        Ids(Page.From(mixed, Parse("id .."), KeyOf)).ShouldBe(["B", "Z", "a", "b", "é"]);
    }

    [Fact]
    public void equal_keys_keep_input_order()
    {
        Item[] twins = [new("2", "same"), new("1", "same"), new("3", "other")];

        Ids(Page.From(twins, Parse("name .."), KeyOf)).ShouldBe(["3", "2", "1"]);
    }

    [Fact]
    public void key_function_gets_range_field()
    {
        var fields = new List<string>();

        Page.From(Items, Parse("name .."), (item, field) =>
        {
            fields.Add(field);
            return item.Name;
        });

        fields.ShouldAllBe(field => field == "name");
        fields.Count.ShouldBe(Items.Length);
    }

    [Fact]
    public void empty_list_gives_empty_page()
    {
        var page = Page.From(Array.Empty<Item>(), Parse("id ..; max=10"), KeyOf);

        page.Items.ShouldBeEmpty();
        page.NextRange.ShouldBeNull();
        page.ContentRange.ShouldBeNull();
        page.StatusCode.ShouldBe(200);
    }

    [Fact]
    public void range_past_last_item_is_empty()
    {
        var page = Page.From(Items, Parse("id ]e.."), KeyOf);

        page.Items.ShouldBeEmpty();
        page.ContentRange.ShouldBeNull();
    }

    private sealed record Item(string Id, string Name);

    private static string KeyOf(Item item, string field) => field == "name" ? item.Name : item.Id;

    private static string[] Ids(Page<Item> page) => page.Items.Select(item => item.Id).ToArray();

    private static string[] Names(Page<Item> page) => page.Items.Select(item => item.Name).ToArray();

    private static RangeHeader Parse(string? header)
    {
        RangeHeader.TryParse(header, Fields, "id", out var range, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
        return range;
    }

    private static string ParseError(string header)
    {
        RangeHeader.TryParse(header, Fields, "id", out _, out var error).ShouldBeFalse();
        return error ?? "";
    }
}
