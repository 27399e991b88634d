using System.Net;
using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Tests.Support;
using Marten;
using Marten.Services;
using Npgsql;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// The global event feed: sequence order, resuming from a checkpoint, filters, who may read it, and the safe point
/// that holds back events committed before an earlier sequence number's transaction ends.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class EventFeedTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private static readonly Actor Tester = new("test", null, DateTimeOffset.UtcNow);

    private string _service = "";

    private HttpClient Client => api.Client;

    public async Task InitializeAsync()
    {
        await Northwind.MigrateAsync(database);
        await api.StartAsync(database);
        var request = TokenRequest.ForService("provisioning", [TokenScopes.EventsRead], DateTimeOffset.UtcNow.AddDays(1));
        _service = (await api.IssueAsync(request)).Token;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task feed_lists_public_events_in_order()
    {
        var events = await ReadAllAsync(after: 0, limit: 1000);

        events.Count.ShouldBeGreaterThan(10);
        events.Select(Sequence).ShouldBeInOrder(SortDirection.Ascending);
        events.Select(Sequence).Distinct().Count().ShouldBe(events.Count);
        events.ShouldNotContain(envelope => envelope.GetProperty("type").GetString()!.StartsWith("Token", StringComparison.Ordinal));
        events.ShouldContain(envelope => envelope.GetProperty("type").GetString() == "AccountCreated");
    }

    [Fact]
    public async Task envelope_has_every_member()
    {
        var created = (await ReadAllAsync(0, 1000)).First(envelope => envelope.GetProperty("type").GetString() == "AccountCreated");

        string[] members = ["id", "type", "version", "sequence", "stream", "stream_version", "occurred_at", "actor",
            "correlation_id", "causation_id", "data"];
        foreach (var member in members)
        {
            created.TryGetProperty(member, out _).ShouldBeTrue(member);
        }

        created.GetProperty("version").GetInt32().ShouldBe(1);
        created.GetProperty("data").GetProperty("name").GetString().ShouldBe("northwind");
    }

    [Fact]
    public async Task small_pages_resume_from_checkpoint()
    {
        var all = await ReadAllAsync(0, 1000);

        var paged = await ReadAllAsync(0, 3);

        paged.Select(Sequence).ShouldBe(all.Select(Sequence));
    }

    [Fact]
    public async Task type_filter_keeps_only_that_type()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/events?type=TeamAttached,AccountCreated", _service);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var types = Events(body).Select(envelope => envelope.GetProperty("type").GetString()).Distinct().Order().ToList();
        types.ShouldBe(["AccountCreated", "TeamAttached"]);
    }

    [Fact]
    public async Task account_filter_keeps_that_account()
    {
        var account = (await ReadAllAsync(0, 1000)).First(envelope => envelope.GetProperty("type").GetString() == "AccountCreated");
        var accountId = account.GetProperty("stream").GetGuid();

        var (_, body) = await Client.SendAsync(HttpMethod.Get, $"/events?account={accountId}&limit=1000", _service);

        Events(body).ShouldNotBeEmpty();
        Events(body).ShouldAllBe(envelope => envelope.GetProperty("stream").GetGuid() == accountId
            || envelope.GetProperty("data").GetProperty("account_id").GetGuid() == accountId);
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("after=99999999999")]
    [InlineData("after=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("type=TokenIssued")]
    [InlineData("account=northwind")]
    public async Task bad_parameters_get_400(string query)
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, $"/events?{query}", _service);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.Json().GetProperty("id").GetString().ShouldBe("invalid_params");
    }

    [Fact]
    public async Task user_token_is_forbidden()
    {
        var user = await api.TokenAsync(Northwind.Ana);

        var (withUser, _) = await Client.SendAsync(HttpMethod.Get, "/events", user);
        var (withNone, _) = await Client.SendAsync(HttpMethod.Get, "/events", null);

        withUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        withNone.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task late_commit_holds_back_later_events()
    {
        var start = await CheckpointAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        var slowAccount = Guid.NewGuid();
        await using (var session = database.Store.LightweightSession(SessionOptions.ForTransaction(slow)))
        {
            session.Events.StartStream(slowAccount, new AccountCreated(slowAccount, "slow", Guid.NewGuid(), Tester));
            await session.SaveChangesAsync();
        }

        var fastAccount = await AppendAccountAsync("fast");

        var whileOpen = await ReadAllAsync(start, 1000);
        whileOpen.ShouldNotContain(envelope => envelope.GetProperty("stream").GetGuid() == fastAccount);

        await slow.CommitAsync();
        var afterCommit = await ReadAllAsync(start, 1000);
        afterCommit.Select(envelope => envelope.GetProperty("stream").GetGuid()).ShouldBe([slowAccount, fastAccount]);
    }

    [Fact]
    public async Task rolled_back_number_is_passed_over()
    {
        var start = await CheckpointAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        await using (var session = database.Store.LightweightSession(SessionOptions.ForTransaction(slow)))
        {
            var id = Guid.NewGuid();
            session.Events.StartStream(id, new AccountCreated(id, "rolled-back", Guid.NewGuid(), Tester));
            await session.SaveChangesAsync();
        }

        var fastAccount = await AppendAccountAsync("after-rollback");
        (await ReadAllAsync(start, 1000)).ShouldBeEmpty();

        await slow.RollbackAsync();
        var events = await ReadAllAsync(start, 1000);
        events.Select(envelope => envelope.GetProperty("stream").GetGuid()).ShouldBe([fastAccount]);
    }

    [Fact]
    public async Task stream_pushes_new_events_and_resumes()
    {
        var start = await CheckpointAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await AppendAccountAsync("pushed-first");

        var (firstId, firstData) = await ReadOneServerSentEventAsync(start.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellation.Token);
        var second = await AppendAccountAsync("pushed-second");
        var (_, secondData) = await ReadOneServerSentEventAsync(firstId, cancellation.Token, useLastEventId: true);

        JsonDocument.Parse(firstData).RootElement.GetProperty("stream").GetGuid().ShouldBe(first);
        JsonDocument.Parse(secondData).RootElement.GetProperty("stream").GetGuid().ShouldBe(second);
    }

    private async Task<(string Id, string Data)> ReadOneServerSentEventAsync(
        string after, CancellationToken cancellationToken, bool useLastEventId = false)
    {
        using var request = ApiCalls.Request(HttpMethod.Get, useLastEventId ? "/events/stream" : $"/events/stream?after={after}", _service);
        if (useLastEventId)
        {
            request.Headers.Add("Last-Event-ID", after);
        }

        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var (id, data) = ("", "");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
            else if (line.Length == 0 && data.Length > 0)
            {
                return (id, data);
            }
        }

        throw new InvalidOperationException("The event stream ended before an event arrived.");
    }

    private async Task<Guid> AppendAccountAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var session = database.Store.LightweightSession();
        session.Events.StartStream(id, new AccountCreated(id, name, Guid.NewGuid(), Tester));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<long> CheckpointAsync()
    {
        var (_, body) = await Client.SendAsync(HttpMethod.Get, "/events?limit=1000&after=0", _service);
        var checkpoint = body.Json().GetProperty("checkpoint").GetInt64();
        while (true)
        {
            var (_, next) = await Client.SendAsync(HttpMethod.Get, $"/events?limit=1000&after={checkpoint}", _service);
            var moved = next.Json().GetProperty("checkpoint").GetInt64();
            if (moved == checkpoint)
            {
                return checkpoint;
            }

            checkpoint = moved;
        }
    }

    private async Task<List<JsonElement>> ReadAllAsync(long after, int limit)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var (response, body) = await Client.SendAsync(HttpMethod.Get, $"/events?after={after}&limit={limit}", _service);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            var page = Events(body);
            events.AddRange(page);
            var checkpoint = body.Json().GetProperty("checkpoint").GetInt64();
            if (page.Count == 0 || checkpoint == after)
            {
                return events;
            }

            after = checkpoint;
        }
    }

    private static List<JsonElement> Events(string body) =>
        body.Json().GetProperty("events").EnumerateArray().Select(envelope => envelope.Clone()).ToList();

    private static long Sequence(JsonElement envelope) => envelope.GetProperty("sequence").GetInt64();
}
