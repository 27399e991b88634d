using System.Net;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>The account and member endpoints, on the migrated "northwind" account: ana and bo are admins, cy and
/// di hold view, ed is only a collaborator.</summary>
[Collection(DatabaseTests.Name)]
public sealed class AccountApiTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private static readonly Guid Ana = Guid.Parse("398ee01e-927d-54a9-b44c-1c19727987c2");
    private static readonly Guid Bo = Guid.Parse("72e30dc0-d968-54dd-96d7-ca2a68e31be6");
    private static readonly Guid Cy = Guid.Parse("ab6b5819-7ddb-5817-9f5f-bedd314e12ce");
    private static readonly Guid Ed = Guid.Parse("f027f00a-42f9-5769-87fc-c311d68157fd");

    private string _ana = "";
    private string _cy = "";
    private string _ed = "";

    private HttpClient Client => api.Client;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await api.StartAsync(database);
        await Migrator.MigrateAsync(database.Store, Examples.InputPath("single-team"));
        _ana = (await api.IssueUserTokenAsync(Ana, "ana@northwind.test")).Token;
        _cy = (await api.IssueUserTokenAsync(Cy, "cy@northwind.test")).Token;
        _ed = (await api.IssueUserTokenAsync(Ed, "ed@contractor.test")).Token;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task list_shows_callers_accounts()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/enterprise-accounts", _cy);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldMatchSchema("enterprise-account");
        body.Json()[0].GetProperty("name").GetString().ShouldBe("northwind");
        body.Json()[0].GetProperty("permissions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task collaborator_sees_no_account()
    {
        var (list, listBody) = await Client.SendAsync(HttpMethod.Get, "/enterprise-accounts", _ed);
        var (one, _) = await Client.SendAsync(HttpMethod.Get, "/enterprise-accounts/northwind", _ed);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        listBody.Json().GetArrayLength().ShouldBe(0);
        one.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task get_returns_etag_of_stream_version()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/enterprise-accounts/northwind", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldMatchSchema("enterprise-account");
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.ETag.Tag.ShouldBe("\"6\"");
    }

    [Fact]
    public async Task manager_changes_member_permissions()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Cy}", _ana, new { permissions = new[] { "view", "billing" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldMatchSchema("enterprise-account-member");
        var names = body.Json().GetProperty("permissions").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        names.ShouldBe(["view", "billing"]);
        await using var session = database.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync((await AccountAsync()).Id);
        events[^1].Data.ShouldBeOfType<EnterpriseLedger.Domain.Accounts.PermissionGranted>().Actor.Email.ShouldBe("ana@northwind.test");
        events[^1].Headers.ShouldNotBeNull();
        events[^1].Headers!.ShouldContainKey("client_ip");
    }

    [Fact]
    public async Task view_only_member_is_forbidden_to_change()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Ana}", _cy, new { permissions = new[] { "view" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body.Json().GetProperty("id").GetString().ShouldBe("forbidden");
    }

    [Fact]
    public async Task downgrading_last_manager_is_unprocessable()
    {
        await Client.SendAsync(HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Bo}", _ana, new { permissions = new[] { "view" } });

        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Ana}", _ana, new { permissions = new[] { "view" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        body.Json().GetProperty("id").GetString().ShouldBe("last_manager");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task idempotent_post_adds_member_once()
    {
        var member = new { user = "new@northwind.test", permissions = new[] { "view", "create" } };

        using var first = ApiCalls.Request(HttpMethod.Post, "/enterprise-accounts/northwind/members", _ana, member);
        first.Headers.Add("Idempotency-Key", "add-new-1");
        using var second = ApiCalls.Request(HttpMethod.Post, "/enterprise-accounts/northwind/members", _ana, member);
        second.Headers.Add("Idempotency-Key", "add-new-1");
        using var firstResponse = await Client.SendAsync(first);
        using var secondResponse = await Client.SendAsync(second);

        firstResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        secondResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await secondResponse.Content.ReadAsStringAsync()).ShouldBe(await firstResponse.Content.ReadAsStringAsync());
        (await AccountAsync()).Members.Count(m => m.Email == "new@northwind.test").ShouldBe(1);
    }

    [Theory]
    [InlineData("{\"permissions\": [\"view\"", 400, "invalid_json")]
    [InlineData("{\"permissions\": [\"view\", \"admin\"]}", 422, "invalid_params")]
    [InlineData("{\"permissions\": [\"view\"], \"colour\": \"red\"}", 422, "invalid_params")]
    [InlineData("{\"permissions\": \"view\"}", 422, "invalid_params")]
    [InlineData("{\"permissions\": [\"billing\"]}", 422, "view_required")]
    public async Task bad_body_is_rejected_without_writing(string json, int status, string id)
    {
        var before = await AccountAsync();

        var (response, body) = await Client.SendAsync(HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Cy}", _ana, json);

        ((int)response.StatusCode).ShouldBe(status, body);
        body.Json().GetProperty("id").GetString().ShouldBe(id);
        body.Json().GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        (await AccountAsync()).Version.ShouldBe(before.Version);
    }

    [Theory]
    [InlineData("{\"permissions\": [\"view\"], \"colour\": \"red\"}", "Invalid value at $.colour: unknown field 'colour'")]
    [InlineData("{\"permissions\": \"view\"}", "Invalid value at $.permissions: expected an array.")]
    public async Task bad_body_message_names_field_not_type(string json, string message)
    {
        var (_, body) = await Client.SendAsync(HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Cy}", _ana, json);

        var text = body.Json().GetProperty("message").GetString();
        text.ShouldNotBeNull().ShouldStartWith(message);
        text.ShouldNotContain("EnterpriseLedger");
        text.ShouldNotContain("System.");
    }

    [Fact]
    public async Task body_over_one_mebibyte_is_rejected()
    {
        var huge = "{\"permissions\": [\"view\"], \"padding\": \"" + new string('x', 1_100_000) + "\"}";

        var (response, body) = await Client.SendAsync(HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Cy}", _ana, huge);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.Json().GetProperty("id").GetString().ShouldBe("request_too_large");
    }

    [Fact]
    public async Task stale_if_match_is_rejected()
    {
        using var request = ApiCalls.Request(
            HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{Cy}", _ana, new { permissions = new[] { "view", "billing" } });
        request.Headers.IfMatch.ParseAdd("\"1\"");

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task manager_renames_account()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Patch, "/enterprise-accounts/northwind", _ana, new { name = "northwind-eu" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("name").GetString().ShouldBe("northwind-eu");
        (await AccountAsync("northwind-eu")).Name.ShouldBe("northwind-eu");
    }

    [Fact]
    public async Task other_api_version_is_not_acceptable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/enterprise-accounts");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.heroku+json; version=2");
        request.Headers.Authorization = new("Bearer", _cy);

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task missing_version_is_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/enterprise-accounts");
        request.Headers.Authorization = new("Bearer", _cy);

        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<AccessView> AccountAsync(string name = "northwind")
    {
        await using var session = database.Store.QuerySession();
        return await session.Query<AccessView>().SingleAsync(view => view.Name == name);
    }
}
