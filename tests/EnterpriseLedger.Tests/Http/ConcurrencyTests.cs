using System.Net;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// Concurrent permission changes on the migrated "northwind" account, made by its admin ana on the view-only
/// members cy and di. A request that loses a race gets 409, never 500, and the Access view stays equal to the
/// state folded from the account's events.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ConcurrencyTests(LedgerDatabase database, LedgerApi api)
    : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private const int ConcurrentRequests = 200;

    private static readonly Guid Ana = Guid.Parse("398ee01e-927d-54a9-b44c-1c19727987c2");
    private static readonly Guid Cy = Guid.Parse("ab6b5819-7ddb-5817-9f5f-bedd314e12ce");
    private static readonly Guid Di = Guid.Parse("9ac16389-a262-57aa-9440-59188d2cb941");

    // Every set keeps view, which a PATCH must always include, and none empties the account of managers.
    private static readonly string[][] PermissionSets =
    [
        ["view"],
        ["view", "billing"],
        ["view", "create"],
        ["view", "billing", "create"],
        ["view", "manage"],
        ["view", "billing", "manage", "create"],
    ];

    private string _ana = "";

    private sealed record PatchResponse(HttpStatusCode Status, string Body);

    private HttpClient Client => api.Client;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await api.StartAsync(database);
        await Migrator.MigrateAsync(database.Store, Examples.InputPath("single-team"));
        _ana = (await api.IssueUserTokenAsync(Ana, "ana@northwind.test")).Token;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task concurrent_permission_changes_never_fail()
    {
        var responses = await PatchAllAtOnceAsync(ConcurrentRequests);

        var unexpected = responses
            .Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
            .Select(r => $"{(int)r.Status}: {r.Body}")
            .ToList();
        unexpected.ShouldBeEmpty();
        responses.ShouldContain(r => r.Status == HttpStatusCode.OK);
        responses.Count.ShouldBe(ConcurrentRequests);
    }

    [Fact]
    public async Task concurrent_changes_keep_view_equal_to_events()
    {
        await PatchAllAtOnceAsync(ConcurrentRequests);

        var accountId = (await AccessViewAsync()).Id;
        await using var session = database.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(accountId);
        var view = await session.LoadAsync<AccessView>(accountId);
        var rebuilt = Aggregates.Fold<EnterpriseAccount>(events.Select(e => e.Data), EnterpriseAccount.Evolve);

        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
        view.ShouldNotBeNull();
        rebuilt.ShouldNotBeNull();
        view.Version.ShouldBe(events[^1].Version);
        MembersOf(view).ShouldBe(MembersOf(rebuilt));
    }

    [Fact]
    public async Task same_if_match_twice_fails_precondition()
    {
        var etag = await AccountETagAsync();

        var first = await PatchAsync(Cy, ["view", "billing"], etag);
        var second = await PatchAsync(Di, ["view", "billing"], etag);

        first.Status.ShouldBe(HttpStatusCode.OK, first.Body);
        second.Status.ShouldBe(HttpStatusCode.PreconditionFailed, second.Body);
    }

    [Fact]
    public async Task same_if_match_concurrently_has_one_winner()
    {
        var etag = await AccountETagAsync();
        using var start = new SemaphoreSlim(0);

        var cy = PatchWhenReleasedAsync(start, Cy, ["view", "billing"], etag);
        var di = PatchWhenReleasedAsync(start, Di, ["view", "create"], etag);
        start.Release(2);
        var statuses = (await Task.WhenAll(cy, di)).Select(r => r.Status).ToList();

        // The loser gets 412 when it loads the account after the winner's append, else 409 when it appends.
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        statuses.Count(s => s is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict).ShouldBe(1);
    }

    /// <summary>
    /// Sends <paramref name="count"/> PATCHes, alternating between cy and di and cycling through the permission
    /// sets, all released by one semaphore so that they reach the host together.
    /// </summary>
    private async Task<List<PatchResponse>> PatchAllAtOnceAsync(int count)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, count)
            .Select(i => PatchWhenReleasedAsync(
                start, i % 2 == 0 ? Cy : Di, PermissionSets[i % PermissionSets.Length]))
            .ToList();

        start.Release(count);
        return [.. await Task.WhenAll(requests)];
    }

    private async Task<PatchResponse> PatchWhenReleasedAsync(
        SemaphoreSlim start, Guid user, string[] permissions, string? ifMatch = null)
    {
        await start.WaitAsync();
        return await PatchAsync(user, permissions, ifMatch);
    }

    private async Task<PatchResponse> PatchAsync(Guid user, string[] permissions, string? ifMatch = null)
    {
        using var request = ApiCalls.Request(
            HttpMethod.Patch, $"/enterprise-accounts/northwind/members/{user}", _ana, new { permissions });
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.ParseAdd(ifMatch);
        }

        using var response = await Client.SendAsync(request);
        return new PatchResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> AccountETagAsync()
    {
        var (response, body) = await Client.SendAsync(HttpMethod.Get, "/enterprise-accounts/northwind", _ana);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return response.Headers.ETag?.Tag ?? throw new InvalidOperationException("The GET returned no ETag.");
    }

    private async Task<AccessView> AccessViewAsync()
    {
        await using var session = database.Store.QuerySession();
        return await session.Query<AccessView>().SingleAsync(view => view.Name == "northwind");
    }

    private static List<string> MembersOf(AccessView view) =>
        Sorted(view.Members.Select(m => Describe(m.UserId, m.Email, m.Permissions)));

    private static List<string> MembersOf(EnterpriseAccount account) =>
        Sorted(account.Members.Values.Select(m => Describe(m.UserId, m.Email, m.Permissions)));

    private static string Describe(Guid userId, string email, Permissions permissions) =>
        $"{userId} {email} {permissions}";

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}
