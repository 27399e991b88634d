using System.Net;
using System.Text;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// Calls every endpoint successfully and checks each response against its definition in Heroku's Platform API
/// schema. NOTE: Heroku's team-member role has no <c>viewer</c>, so a viewer's role fails that check. No test here
/// lists the northwind team's roles, which include di's viewer role, and team roles are read on a new team.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ContractTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private const string AccountPath = "/enterprise-accounts/northwind";

    private static readonly object IdentityProvider = new
    {
        identity_provider = new
        {
            name = "northwind-sso",
            sso_target_url = "https://sso.northwind.test/login",
            entity_id = "https://sso.northwind.test",
        },
    };

    private string _ana = "";

    private HttpClient Client => api.Client;

    public async Task InitializeAsync()
    {
        await api.StartAsync(database);
        await Northwind.MigrateAsync(database);
        _ana = await api.TokenAsync(Northwind.Ana);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task account_list_matches_schema()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/enterprise-accounts", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetArrayLength().ShouldBe(1);
        body.ShouldMatchSchema("enterprise-account");
    }

    [Fact]
    public async Task account_matches_schema()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, AccountPath, _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Headers.ETag.ShouldNotBeNull();
        body.ShouldMatchSchema("enterprise-account");
    }

    [Fact]
    public async Task account_rename_matches_schema()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, AccountPath, _ana, new { name = "northwind-eu" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("name").GetString().ShouldBe("northwind-eu");
        body.ShouldMatchSchema("enterprise-account");
    }

    [Fact]
    public async Task identity_provider_matches_schema()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Patch, AccountPath, _ana, IdentityProvider);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("identity_provider").GetProperty("name").GetString().ShouldBe("northwind-sso");
        body.ShouldMatchSchema("enterprise-account");
    }

    [Fact]
    public async Task member_list_matches_schema()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, $"{AccountPath}/members", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetArrayLength().ShouldBe(4);
        body.ShouldMatchSchema("enterprise-account-member");
    }

    [Fact]
    public async Task federated_member_matches_schema()
    {
        await Client.SendAsync(HttpMethod.Patch, AccountPath, _ana, IdentityProvider);
        var member = new { user = "fay@northwind.test", permissions = new[] { "view", "billing" }, federated = true };

        var (response, body) = await Client.SendAsync(HttpMethod.Post, $"{AccountPath}/members", _ana, member);
        var (_, listed) = await Client.SendAsync(HttpMethod.Get, $"{AccountPath}/members", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        body.Json().GetProperty("identity_provider").GetProperty("name").GetString().ShouldBe("northwind-sso");
        body.ShouldMatchSchema("enterprise-account-member");
        listed.ShouldMatchSchema("enterprise-account-member");
    }

    [Fact]
    public async Task member_changes_match_schema()
    {
        const string FayPath = $"{AccountPath}/members/fay@northwind.test";
        var fay = new { user = "fay@northwind.test", permissions = new[] { "view" } };

        var created = await Client.SendAsync(HttpMethod.Post, $"{AccountPath}/members", _ana, fay);
        var changed = await Client.SendAsync(
            HttpMethod.Patch, FayPath, _ana, new { permissions = new[] { "view", "create" } });
        var removed = await Client.SendAsync(HttpMethod.Delete, FayPath, _ana);

        created.Response.StatusCode.ShouldBe(HttpStatusCode.Created, created.Body);
        created.Body.ShouldMatchSchema("enterprise-account-member");
        changed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, changed.Body);
        changed.Body.ShouldMatchSchema("enterprise-account-member");
        removed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, removed.Body);
        removed.Body.ShouldMatchSchema("enterprise-account-member");
    }

    [Fact]
    public async Task team_endpoints_match_schema()
    {
        var created = await Client.SendAsync(HttpMethod.Post, $"{AccountPath}/teams", _ana, new { name = "alpha" });
        var listed = await Client.SendAsync(HttpMethod.Get, $"{AccountPath}/teams", _ana);
        var read = await Client.SendAsync(HttpMethod.Get, "/teams/alpha", _ana);
        var renamed = await Client.SendAsync(HttpMethod.Patch, "/teams/alpha", _ana, new { name = "beta" });
        var deleted = await Client.SendAsync(HttpMethod.Delete, "/teams/beta", _ana);

        created.Response.StatusCode.ShouldBe(HttpStatusCode.Created, created.Body);
        created.Body.ShouldMatchSchema("team");
        listed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, listed.Body);
        listed.Body.Json().GetArrayLength().ShouldBe(2);
        listed.Body.ShouldMatchSchema("team");
        read.Response.StatusCode.ShouldBe(HttpStatusCode.OK, read.Body);
        read.Body.ShouldMatchSchema("team");
        renamed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, renamed.Body);
        renamed.Body.ShouldMatchSchema("team");
        deleted.Response.StatusCode.ShouldBe(HttpStatusCode.OK, deleted.Body);
        deleted.Body.ShouldMatchSchema("team");
    }

    [Fact]
    public async Task team_with_provider_matches_schema()
    {
        await Client.SendAsync(HttpMethod.Patch, AccountPath, _ana, IdentityProvider);

        var (response, body) = await Client.SendAsync(HttpMethod.Get, $"/teams/{Northwind.TeamId}", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("identity_provider").GetProperty("name").GetString().ShouldBe("northwind-sso");
        body.ShouldMatchSchema("team");
    }

    [Fact]
    public async Task team_member_endpoints_match_schema()
    {
        await Client.CreateTeamAsync(_ana, "alpha");
        var cy = new { email = Northwind.Cy.Email, role = "member" };

        var assigned = await Client.SendAsync(HttpMethod.Put, "/teams/alpha/members", _ana, cy);
        var listed = await Client.SendAsync(HttpMethod.Get, "/teams/alpha/members", _ana);
        var removed = await Client.SendAsync(HttpMethod.Delete, $"/teams/alpha/members/{Northwind.Cy.Email}", _ana);

        assigned.Response.StatusCode.ShouldBe(HttpStatusCode.OK, assigned.Body);
        assigned.Body.ShouldMatchSchema("team-member");
        listed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, listed.Body);
        listed.Body.Json().GetArrayLength().ShouldBe(2);
        listed.Body.ShouldMatchSchema("team-member");
        removed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, removed.Body);
        removed.Body.ShouldMatchSchema("team-member");
    }

    [Fact]
    public async Task migration_endpoints_return_outcome()
    {
        var operatorToken = (await api.IssueAsync(TokenRequest.ForOperator(DateTimeOffset.UtcNow.AddHours(1)))).Token;
        var company = await File.ReadAllTextAsync(Examples.InputPath("beta-participant"));

        var posted = await Client.SendAsync(HttpMethod.Post, "/migrations", operatorToken, company);
        var read = await Client.SendAsync(HttpMethod.Get, "/migrations/stark", operatorToken);

        posted.Response.StatusCode.ShouldBe(HttpStatusCode.Created, posted.Body);
        posted.Body.Json().GetProperty("outcome").GetString().ShouldBe("not-required");
        posted.Body.Json().GetProperty("account").GetProperty("name").GetString().ShouldBe("stark-industries");
        read.Response.StatusCode.ShouldBe(HttpStatusCode.OK, read.Body);
        read.Body.Json().GetProperty("outcome").GetString().ShouldBe("not-required");
    }

    [Fact]
    public async Task banner_names_blocked_company()
    {
        await Migrator.MigrateAsync(database.Store, Examples.InputPath("no-admin-on-every-team"));
        var niaId = Guid.Parse("aca500ad-dda3-510f-bac0-dfdfebbe6838");
        var nia = (await api.IssueUserTokenAsync(niaId, "nia@umbrella.test")).Token;

        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/account/banners", nia);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetArrayLength().ShouldBe(1);
        body.Json()[0].GetProperty("company").GetString().ShouldBe("umbrella");
        body.Json()[0].GetProperty("reasons")[0].GetString().ShouldBe("no-universal-admin");
    }

    [Fact]
    public async Task range_pages_member_list()
    {
        using var first = await GetPageAsync($"{AccountPath}/members", "email ..; max=2");
        var firstBody = await first.Content.ReadAsStringAsync();
        var nextRange = first.Headers.GetValues("Next-Range").Single();
        using var second = await GetPageAsync($"{AccountPath}/members", nextRange);
        var secondBody = await second.Content.ReadAsStringAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.PartialContent, firstBody);
        Emails(firstBody).ShouldBe([Northwind.Ana.Email, Northwind.Bo.Email]);
        nextRange.ShouldBe($"email ]{Northwind.Bo.Email}..; max=2");
        firstBody.ShouldMatchSchema("enterprise-account-member");
        second.StatusCode.ShouldBe(HttpStatusCode.OK, secondBody);
        Emails(secondBody).ShouldBe([Northwind.Cy.Email, Northwind.Di.Email]);
        second.Headers.Contains("Next-Range").ShouldBeFalse();
    }

    [Fact]
    public async Task request_without_accept_is_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountPath);
        request.Headers.Authorization = new("Bearer", _ana);

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldMatchSchema("enterprise-account");
    }

    [Fact]
    public async Task write_without_accept_is_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{AccountPath}/teams");
        request.Headers.Authorization = new("Bearer", _ana);
        request.Content = new StringContent("""{"name":"alpha"}""", Encoding.UTF8, "application/json");

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        body.ShouldMatchSchema("team");
    }

    private async Task<HttpResponseMessage> GetPageAsync(string path, string range)
    {
        using var request = ApiCalls.Request(HttpMethod.Get, path, _ana);
        request.Headers.TryAddWithoutValidation("Range", range).ShouldBeTrue();
        return await Client.SendAsync(request);
    }

    private static List<string?> Emails(string members) =>
        members.Json().EnumerateArray().Select(member => member.GetProperty("user").GetProperty("email").GetString())
            .ToList();
}
