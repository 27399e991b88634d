using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Host.History;
using EnterpriseLedger.Tests.Http;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.History;

/// <summary><c>GET /debug/streams/{id}</c> on the changed northwind account: operators only.</summary>
[Collection(DatabaseTests.Name)]
public sealed class StreamDebugEndpointTests(LedgerDatabase database, LedgerApi api)
    : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private Guid _accountId;
    private string _operator = "";

    public async Task InitializeAsync()
    {
        _accountId = await NorthwindHistory.SetUpAsync(database);
        await api.StartAsync(database);
        _operator = (await api.IssueAsync(TokenRequest.ForOperator(DateTimeOffset.UtcNow.AddHours(1)))).Token;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task operator_reads_history()
    {
        var (response, body) = await api.Client.SendAsync(HttpMethod.Get, $"/debug/streams/{_accountId}", _operator);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var root = body.Json();
        root.GetProperty("stream").GetProperty("kind").GetString().ShouldBe("account");
        root.GetProperty("stream").GetProperty("name").GetString().ShouldBe("northwind");
        var last = root.GetProperty("events").EnumerateArray().Last();
        last.GetProperty("changes")[0].GetProperty("path").GetString()
            .ShouldBe("members[cy@northwind.test].permissions");
        last.GetProperty("headers").GetProperty("request_id").GetString().ShouldBe(NorthwindHistory.RequestId);
    }

    [Fact]
    public async Task history_matches_command_line_json()
    {
        var (_, body) = await api.Client.SendAsync(HttpMethod.Get, $"/debug/streams/{_accountId}", _operator);

        await using var session = database.Store.QuerySession();
        var stream = await StreamFinder.FindAsync(session, _accountId, CancellationToken.None);
        var report = await StreamReports.HistoryAsync(session, stream.ShouldNotBeNull(), CancellationToken.None);
        var commandLine = JsonSerializer.SerializeToNode(report, LedgerJson.Options);

        JsonNode.DeepEquals(JsonNode.Parse(body), commandLine).ShouldBeTrue(body);
    }

    [Fact]
    public async Task operator_reads_state_at_version()
    {
        var (response, body) = await api.Client.SendAsync(
            HttpMethod.Get, $"/debug/streams/{_accountId}?at=2", _operator);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var root = body.Json();
        root.GetProperty("version").GetInt64().ShouldBe(2);
        root.GetProperty("state").GetProperty("name").GetString().ShouldBe("northwind");
        var events = root.GetProperty("events").EnumerateArray().ToList();
        events.Count.ShouldBe(2);
        events.Where(reported => reported.TryGetProperty("changes", out _)).ShouldBeEmpty();
        events.Where(reported => reported.TryGetProperty("state", out _)).ShouldBeEmpty();
    }

    [Fact]
    public async Task time_before_stream_is_unprocessable()
    {
        var (response, body) = await api.Client.SendAsync(
            HttpMethod.Get, $"/debug/streams/{_accountId}?at=2000-01-01", _operator);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("no_state_at");
    }

    [Fact]
    public async Task invalid_at_is_bad_request()
    {
        var (response, body) = await api.Client.SendAsync(
            HttpMethod.Get, $"/debug/streams/{_accountId}?at=soon", _operator);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ProblemId().ShouldBe("invalid_at");
    }

    [Fact]
    public async Task unknown_stream_is_not_found()
    {
        var path = $"/debug/streams/{Guid.NewGuid()}";

        var (response, body) = await api.Client.SendAsync(HttpMethod.Get, path, _operator);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        body.ProblemId().ShouldBe("not_found");
    }

    [Fact]
    public async Task user_is_forbidden()
    {
        var ana = await api.TokenAsync(Northwind.Ana);

        var (response, body) = await api.Client.SendAsync(HttpMethod.Get, $"/debug/streams/{_accountId}", ana);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
        body.ProblemId().ShouldBe("forbidden");
    }

    [Fact]
    public async Task no_token_is_unauthorized()
    {
        var (response, _) = await api.Client.SendAsync(HttpMethod.Get, $"/debug/streams/{_accountId}", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
