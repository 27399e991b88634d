using System.Net;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// The team and team role endpoints on the migrated northwind account (see <see cref="Northwind"/>). Each test
/// starts from a freshly migrated database.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class TeamApiTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private const string TeamsPath = "/enterprise-accounts/northwind/teams";

    private string _ana = "";
    private string _bo = "";
    private string _cy = "";

    private HttpClient Client => api.Client;

    public async Task InitializeAsync()
    {
        await api.StartAsync(database);
        await Northwind.MigrateAsync(database);
        _ana = await api.TokenAsync(Northwind.Ana);
        _bo = await api.TokenAsync(Northwind.Bo);
        _cy = await api.TokenAsync(Northwind.Cy);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task list_shows_only_teams_with_role()
    {
        await Client.CreateTeamAsync(_ana, "alpha");

        var (anaResponse, anaTeams) = await Client.SendAsync(HttpMethod.Get, TeamsPath, _ana);
        var (boResponse, boTeams) = await Client.SendAsync(HttpMethod.Get, TeamsPath, _bo);
        var (cyResponse, cyTeams) = await Client.SendAsync(HttpMethod.Get, TeamsPath, _cy);

        anaResponse.StatusCode.ShouldBe(HttpStatusCode.OK, anaTeams);
        anaTeams.Names().ShouldBe(["alpha", "northwind"]);
        boResponse.StatusCode.ShouldBe(HttpStatusCode.OK, boTeams);
        boTeams.Names().ShouldBe(["northwind"]);
        cyResponse.StatusCode.ShouldBe(HttpStatusCode.OK, cyTeams);
        cyTeams.Names().ShouldBe(["northwind"]);
    }

    [Fact]
    public async Task list_shows_callers_role()
    {
        var (_, body) = await Client.SendAsync(HttpMethod.Get, TeamsPath, _cy);

        body.Json()[0].GetProperty("role").GetString().ShouldBe("member");
    }

    [Fact]
    public async Task creator_becomes_team_admin()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Post, TeamsPath, _ana, new { name = "alpha" });
        var (_, members) = await Client.SendAsync(HttpMethod.Get, "/teams/alpha/members", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        body.Json().GetProperty("name").GetString().ShouldBe("alpha");
        body.Json().GetProperty("role").GetString().ShouldBe("admin");
        members.Json().GetArrayLength().ShouldBe(1);
        members.Json()[0].GetProperty("email").GetString().ShouldBe(Northwind.Ana.Email);
        members.Json()[0].GetProperty("role").GetString().ShouldBe("admin");
    }

    [Fact]
    public async Task create_response_matches_later_read()
    {
        var (_, created) = await Client.SendAsync(HttpMethod.Post, TeamsPath, _ana, new { name = "alpha" });
        var (_, read) = await Client.SendAsync(HttpMethod.Get, "/teams/alpha", _ana);

        created.Json().GetProperty("created_at").GetDateTime()
            .ShouldBe(read.Json().GetProperty("created_at").GetDateTime());
        created.Json().GetProperty("updated_at").GetDateTime()
            .ShouldBe(read.Json().GetProperty("updated_at").GetDateTime());
    }

    [Fact]
    public async Task retried_create_makes_one_team()
    {
        using var first = CreateRequest("alpha", "create-alpha");
        using var second = CreateRequest("alpha", "create-alpha");

        using var firstResponse = await Client.SendAsync(first);
        using var secondResponse = await Client.SendAsync(second);

        firstResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        secondResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        secondResponse.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var firstBody = await firstResponse.Content.ReadAsStringAsync();
        (await secondResponse.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        (await TeamViewsAsync()).Count(team => team.Name == "alpha").ShouldBe(1);
        (await AccountAsync()).Teams.Count(team => team.Name == "alpha").ShouldBe(1);
    }

    [Fact]
    public async Task reused_key_other_body_rejected()
    {
        using var first = CreateRequest("alpha", "create-team");
        using var second = CreateRequest("beta", "create-team");

        using var firstResponse = await Client.SendAsync(first);
        using var secondResponse = await Client.SendAsync(second);
        var body = await secondResponse.Content.ReadAsStringAsync();

        firstResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        secondResponse.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("idempotency_key_reused");
        (await TeamViewsAsync()).ShouldNotContain(team => team.Name == "beta");
    }

    [Fact]
    public async Task duplicate_name_is_name_taken()
    {
        var before = await TeamViewsAsync();

        var (response, body) = await Client.SendAsync(
            HttpMethod.Post, TeamsPath, _ana, new { name = "northwind" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("name_taken");
        (await TeamViewsAsync()).Count.ShouldBe(before.Count);
    }

    [Theory]
    [InlineData("Alpha")]
    [InlineData("alpha team")]
    [InlineData("alpha_team")]
    [InlineData("")]
    public async Task invalid_name_is_rejected(string name)
    {
        var before = await TeamViewsAsync();

        var (response, body) = await Client.SendAsync(
            HttpMethod.Post, TeamsPath, _ana, new { name });
        var (_, listed) = await Client.SendAsync(HttpMethod.Get, TeamsPath, _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("invalid_name");
        (await TeamViewsAsync()).Count.ShouldBe(before.Count);
        listed.Names().ShouldBe(["northwind"]);
    }

    [Fact]
    public async Task rename_changes_team_name()
    {
        var id = await Client.CreateTeamAsync(_ana, "alpha");

        var (response, body) = await Client.SendAsync(HttpMethod.Patch, "/teams/alpha", _ana, new { name = "beta" });
        var (renamed, renamedBody) = await Client.SendAsync(HttpMethod.Get, "/teams/beta", _ana);
        var (old, _) = await Client.SendAsync(HttpMethod.Get, "/teams/alpha", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("name").GetString().ShouldBe("beta");
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, renamedBody);
        renamedBody.Json().GetProperty("id").GetGuid().ShouldBe(id);
        old.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AccountAsync()).Teams.Single(team => team.Id == id).Name.ShouldBe("beta");
    }

    [Fact]
    public async Task rename_response_matches_later_read()
    {
        await Client.CreateTeamAsync(_ana, "alpha");

        var (_, renamed) = await Client.SendAsync(HttpMethod.Patch, "/teams/alpha", _ana, new { name = "beta" });
        var (_, read) = await Client.SendAsync(HttpMethod.Get, "/teams/beta", _ana);

        renamed.Json().GetProperty("updated_at").GetDateTime()
            .ShouldBe(read.Json().GetProperty("updated_at").GetDateTime());
    }

    [Fact]
    public async Task rename_to_taken_name_is_rejected()
    {
        await Client.CreateTeamAsync(_ana, "alpha");

        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, "/teams/alpha", _ana, new { name = "northwind" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("name_taken");
        (await TeamViewsAsync()).Count(team => team.Name == "alpha").ShouldBe(1);
    }

    [Fact]
    public async Task rename_to_invalid_name_is_rejected()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, "/teams/northwind", _ana, new { name = "North" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("invalid_name");
    }

    [Fact]
    public async Task delete_removes_team()
    {
        var id = await Client.CreateTeamAsync(_ana, "alpha");

        var (response, body) = await Client.SendAsync(HttpMethod.Delete, $"/teams/{id}", _ana);
        var (read, _) = await Client.SendAsync(HttpMethod.Get, $"/teams/{id}", _ana);
        var (_, listed) = await Client.SendAsync(HttpMethod.Get, TeamsPath, _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("id").GetGuid().ShouldBe(id);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listed.Names().ShouldBe(["northwind"]);
        (await AccountAsync()).Teams.ShouldNotContain(team => team.Id == id);
    }

    [Fact]
    public async Task deleted_name_can_be_reused()
    {
        var id = await Client.CreateTeamAsync(_ana, "alpha");
        await Client.SendAsync(HttpMethod.Delete, $"/teams/{id}", _ana);

        var (response, body) = await Client.SendAsync(
            HttpMethod.Post, TeamsPath, _ana, new { name = "alpha" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        body.Json().GetProperty("id").GetGuid().ShouldNotBe(id);
    }

    [Fact]
    public async Task put_assigns_team_role()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _ana, new { email = Northwind.Cy.Email, role = "admin" });
        var (_, members) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind/members", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("role").GetString().ShouldBe("admin");
        body.Json().GetProperty("id").GetGuid().ShouldBe(Northwind.Cy.Id);
        RoleOf(members, Northwind.Cy.Email).ShouldBe("admin");
    }

    [Fact]
    public async Task put_gives_new_user_role()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _ana, new { email = "fay@northwind.test", role = "member" });
        var (_, members) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind/members", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        RoleOf(members, "fay@northwind.test").ShouldBe("member");
    }

    [Theory]
    [InlineData("not-an-email", "member")]
    [InlineData("fay@northwind.test", "boss")]
    public async Task put_with_invalid_values_is_rejected(string email, string role)
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _ana, new { email, role });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("invalid_params");
    }

    [Fact]
    public async Task non_member_invalid_put_not_found()
    {
        var hank = await api.TokenAsync(Northwind.Hank);

        var (response, body) = await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", hank, new { email = "fay@northwind.test", role = "boss" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        body.ProblemId().ShouldBe("not_found");
    }

    [Fact]
    public async Task invalid_put_without_manage_forbidden()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _cy, new { email = "not-an-email", role = "member" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
        body.ProblemId().ShouldBe("forbidden");
    }

    [Fact]
    public async Task delete_removes_team_role()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Delete, $"/teams/northwind/members/{Northwind.Cy.Email}", _ana);
        var (_, members) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind/members", _ana);
        var (cyRead, _) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind", _cy);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("email").GetString().ShouldBe(Northwind.Cy.Email);
        RoleOf(members, Northwind.Cy.Email).ShouldBeNull();
        cyRead.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task delete_by_user_id_removes_role()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Delete, $"/teams/northwind/members/{Northwind.Cy.Id}", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("id").GetGuid().ShouldBe(Northwind.Cy.Id);
    }

    [Fact]
    public async Task deleting_missing_role_is_not_found()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Delete, "/teams/northwind/members/nobody@northwind.test", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        body.ProblemId().ShouldBe("not_found");
    }

    [Fact]
    public async Task removing_last_team_admin_is_rejected()
    {
        await Client.CreateTeamAsync(_ana, "alpha");

        var (response, body) = await Client.SendAsync(
            HttpMethod.Delete, $"/teams/alpha/members/{Northwind.Ana.Email}", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("last_team_admin");
    }

    [Fact]
    public async Task demoting_last_team_admin_is_rejected()
    {
        await Client.CreateTeamAsync(_ana, "alpha");

        var (response, body) = await Client.SendAsync(
            HttpMethod.Put, "/teams/alpha/members", _ana, new { email = Northwind.Ana.Email, role = "member" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("last_team_admin");
    }

    [Fact]
    public async Task removing_one_of_two_admins_works()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Delete, $"/teams/northwind/members/{Northwind.Bo.Email}", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("role").GetString().ShouldBe("admin");
    }

    [Fact]
    public async Task creator_without_role_gets_not_found()
    {
        var maker = await Client.AddMemberAsync(_ana, "maker@northwind.test", ["view", "create", "manage"]);
        var token = (await api.IssueUserTokenAsync(maker, "maker@northwind.test")).Token;

        var (get, _) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind", token);
        var (byId, _) = await Client.SendAsync(HttpMethod.Get, $"/teams/{Northwind.TeamId}", token);
        var (rename, _) = await Client.SendAsync(HttpMethod.Patch, "/teams/northwind", token, new { name = "other" });
        var (delete, _) = await Client.SendAsync(HttpMethod.Delete, "/teams/northwind", token);
        var (members, _) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind/members", token);
        var (_, listed) = await Client.SendAsync(HttpMethod.Get, TeamsPath, token);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byId.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        rename.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        members.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listed.Json().GetArrayLength().ShouldBe(0);
        (await TeamViewsAsync()).ShouldContain(team => team.Name == "northwind");
    }

    [Fact]
    public async Task creator_without_role_sees_own_team()
    {
        var maker = await Client.AddMemberAsync(_ana, "maker@northwind.test", ["view", "create"]);
        var token = (await api.IssueUserTokenAsync(maker, "maker@northwind.test")).Token;
        await Client.CreateTeamAsync(token, "alpha");

        var (_, listed) = await Client.SendAsync(HttpMethod.Get, TeamsPath, token);

        listed.Names().ShouldBe(["alpha"]);
    }

    [Fact]
    public async Task team_name_resolves_within_callers_account()
    {
        // Globex gets a team named alpha too, and each admin must reach the one in their own account.
        var hank = await api.TokenAsync(Northwind.Hank);
        var northwindAlpha = await Client.CreateTeamAsync(_ana, "alpha");
        var (created, createdBody) = await Client.SendAsync(
            HttpMethod.Post, "/enterprise-accounts/globex/teams", hank, new { name = "alpha" });

        var (_, anaAlpha) = await Client.SendAsync(HttpMethod.Get, "/teams/alpha", _ana);
        var (_, hankAlpha) = await Client.SendAsync(HttpMethod.Get, "/teams/alpha", hank);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, createdBody);
        anaAlpha.Json().GetProperty("id").GetGuid().ShouldBe(northwindAlpha);
        hankAlpha.Json().GetProperty("id").GetGuid().ShouldBe(createdBody.Json().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task get_returns_etag()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/teams/northwind", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.ETag.IsWeak.ShouldBeFalse();
    }

    [Fact]
    public async Task members_list_returns_team_etag()
    {
        var teamETag = await ETagAsync("/teams/northwind");

        var membersETag = await ETagAsync("/teams/northwind/members");

        membersETag.ShouldBe(teamETag);
    }

    [Fact]
    public async Task read_etag_matches_write_etag()
    {
        var (put, putBody) = await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _ana, new { email = Northwind.Cy.Email, role = "admin" });
        var afterPut = await ETagAsync("/teams/northwind");
        var (patch, patchBody) = await Client.SendAsync(
            HttpMethod.Patch, "/teams/northwind", _ana, new { name = "north" });
        var afterPatch = await ETagAsync("/teams/north");

        put.StatusCode.ShouldBe(HttpStatusCode.OK, putBody);
        put.Headers.ETag?.Tag.ShouldBe(afterPut);
        patch.StatusCode.ShouldBe(HttpStatusCode.OK, patchBody);
        patch.Headers.ETag?.Tag.ShouldBe(afterPatch);
    }

    [Fact]
    public async Task etag_changes_with_either_stream()
    {
        var first = await ETagAsync("/teams/northwind");
        await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _ana, new { email = Northwind.Cy.Email, role = "admin" });
        var afterRoleChange = await ETagAsync("/teams/northwind");
        await Client.SendAsync(HttpMethod.Patch, "/enterprise-accounts/northwind", _ana, new { name = "northwind-eu" });
        var afterAccountRename = await ETagAsync("/teams/northwind");

        afterRoleChange.ShouldNotBe(first);
        afterAccountRename.ShouldNotBe(afterRoleChange);
    }

    [Fact]
    public async Task stale_if_match_patch_fails()
    {
        var etag = await ETagAsync("/teams/northwind");
        await Client.SendAsync(
            HttpMethod.Put, "/teams/northwind/members", _ana, new { email = Northwind.Cy.Email, role = "admin" });
        var before = await StreamVersionsAsync();

        var (response, body) = await SendIfMatchAsync(
            HttpMethod.Patch, "/teams/northwind", etag, new { name = "north" });

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, body);
        body.ProblemId().ShouldBe("precondition_failed");
        (await StreamVersionsAsync()).ShouldBe(before);
        (await TeamViewsAsync()).Single(team => team.Id == Northwind.TeamId).Name.ShouldBe("northwind");
    }

    [Fact]
    public async Task current_if_match_patch_succeeds()
    {
        var etag = await ETagAsync("/teams/northwind");

        var (response, body) = await SendIfMatchAsync(
            HttpMethod.Patch, "/teams/northwind", etag, new { name = "north" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("name").GetString().ShouldBe("north");
        response.Headers.ETag?.Tag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task stale_if_match_delete_fails()
    {
        var id = await Client.CreateTeamAsync(_ana, "alpha");
        var etag = await ETagAsync("/teams/alpha");
        await Client.SendAsync(
            HttpMethod.Put, "/teams/alpha/members", _ana, new { email = Northwind.Cy.Email, role = "member" });

        var (response, body) = await SendIfMatchAsync(HttpMethod.Delete, $"/teams/{id}", etag);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, body);
        (await TeamViewsAsync()).ShouldContain(team => team.Id == id);
    }

    [Fact]
    public async Task stale_if_match_role_change_fails()
    {
        var etag = await ETagAsync("/teams/northwind");
        await Client.SendAsync(HttpMethod.Patch, "/teams/northwind", _ana, new { name = "north" });
        var before = await StreamVersionsAsync();

        var (put, putBody) = await SendIfMatchAsync(
            HttpMethod.Put, "/teams/north/members", etag, new { email = Northwind.Cy.Email, role = "admin" });
        var (delete, deleteBody) = await SendIfMatchAsync(
            HttpMethod.Delete, $"/teams/north/members/{Northwind.Cy.Email}", etag);

        put.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, putBody);
        delete.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, deleteBody);
        (await StreamVersionsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task current_if_match_role_change_succeeds()
    {
        var etag = await ETagAsync("/teams/northwind/members");

        var (response, body) = await SendIfMatchAsync(
            HttpMethod.Put, "/teams/northwind/members", etag, new { email = Northwind.Cy.Email, role = "admin" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("role").GetString().ShouldBe("admin");
    }

    private HttpRequestMessage CreateRequest(string name, string key)
    {
        var request = ApiCalls.Request(HttpMethod.Post, TeamsPath, _ana, new { name });
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<string> ETagAsync(string path)
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, path, _ana);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return response.Headers.ETag?.Tag ?? throw new InvalidOperationException($"GET {path} returned no ETag.");
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendIfMatchAsync(
        HttpMethod method, string path, string ifMatch, object? body = null)
    {
        using var request = ApiCalls.Request(method, path, _ana, body);
        request.Headers.IfMatch.ParseAdd(ifMatch);
        var response = await Client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Returns the versions of the northwind account's stream and of its team's stream.</summary>
    private async Task<(long Account, long Team)> StreamVersionsAsync()
    {
        var accountId = (await AccountAsync()).Id;
        await using var session = database.Store.QuerySession();
        var account = await session.Events.FetchStreamStateAsync(accountId);
        var team = await session.Events.FetchStreamStateAsync(Northwind.TeamId);
        return (account?.Version ?? 0, team?.Version ?? 0);
    }

    private static string? RoleOf(string members, string email) =>
        members.Json().EnumerateArray()
            .Where(member => member.GetProperty("email").GetString() == email)
            .Select(member => member.GetProperty("role").GetString())
            .SingleOrDefault();

    private async Task<IReadOnlyList<TeamView>> TeamViewsAsync()
    {
        await using var session = database.Store.QuerySession();
        return await session.Query<TeamView>().ToListAsync();
    }

    private async Task<AccessView> AccountAsync()
    {
        await using var session = database.Store.QuerySession();
        return await session.Query<AccessView>().SingleAsync(view => view.Name == Northwind.Account);
    }
}
