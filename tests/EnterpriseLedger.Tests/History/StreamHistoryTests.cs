using System.Text.Json.Nodes;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Host.History;
using EnterpriseLedger.Tests.Http;
using EnterpriseLedger.Tests.Support;
using JasperFx.Events;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.History;

/// <summary>
/// History and time travel on the migrated northwind account, after ana gave cy billing in a later transaction.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class StreamHistoryTests(LedgerDatabase database) : IAsyncLifetime
{
    private static readonly Guid CompanyId = Guid.Parse("ef4e332f-1cc7-56b7-901b-e29f7037dd21");

    private Guid _accountId;

    private IDocumentStore Store => database.Store;

    public async Task InitializeAsync() => _accountId = await NorthwindHistory.SetUpAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task history_lists_every_event_in_order()
    {
        var events = await EventsAsync(_accountId);

        var report = await HistoryAsync(Northwind.Account);

        report.Stream.Kind.ShouldBe(StreamKind.Account);
        report.Stream.Name.ShouldBe(Northwind.Account);
        report.Events.Select(e => e.Version).ShouldBe(events.Select(e => e.Version));
        report.Events.Select(e => e.Type).ShouldBe(events.Select(e => e.EventType.Name));
        report.Events[0].Type.ShouldBe(nameof(AccountCreated));
        report.Version.ShouldBe(events[^1].Version);
    }

    [Fact]
    public async Task history_shows_permission_change()
    {
        var report = await HistoryAsync(Northwind.Account);

        var change = report.Events[^1];
        change.Type.ShouldBe(nameof(PermissionGranted));
        change.Actor?.Email.ShouldBe(Northwind.Ana.Email);
        change.CorrelationId.ShouldBe(NorthwindHistory.RequestId);
        change.Headers.ShouldNotBeNull().Keys.ShouldBe(["client_ip", "request_id"], ignoreOrder: true);
        var diff = change.Changes.ShouldNotBeNull().ShouldHaveSingleItem();
        diff.Describe().ShouldBe("members[cy@northwind.test].permissions: view -> view, billing");
    }

    [Fact]
    public async Task history_state_is_state_after_each_event()
    {
        var events = await EventsAsync(_accountId);

        var report = await HistoryAsync(Northwind.Account);

        for (var count = 1; count <= events.Count; count++)
        {
            var expected = FoldJson(events.Take(count));
            JsonNode.DeepEquals(report.Events[count - 1].State, expected).ShouldBeTrue($"state after event {count}");
        }

        JsonNode.DeepEquals(report.State, FoldJson(events)).ShouldBeTrue();
    }

    [Fact]
    public async Task first_event_adds_account_fields()
    {
        var report = await HistoryAsync(Northwind.Account);

        var changes = report.Events[0].Changes.ShouldNotBeNull().Select(change => change.Describe()).ToList();

        changes.ShouldContain($"id: added {_accountId}");
        changes.ShouldContain("name: added northwind");
    }

    [Fact]
    public async Task state_at_version_is_fold_of_first_events()
    {
        var events = await EventsAsync(_accountId);
        var stream = await FindAsync(_accountId);

        for (var version = 1; version <= events.Count; version++)
        {
            var (report, error) = await StateAtAsync(stream, StreamPoint.AtVersion(version));

            error.ShouldBeNull();
            report.ShouldNotBeNull();
            report.Version.ShouldBe(version);
            report.Events.Count.ShouldBe(version);
            report.Events.ShouldAllBe(reported => reported.State == null && reported.Changes == null);
            JsonNode.DeepEquals(report.State, FoldJson(events.Take(version))).ShouldBeTrue($"state at {version}");
        }
    }

    [Fact]
    public async Task state_between_events_is_earlier_state()
    {
        var events = await EventsAsync(_accountId);
        var migrated = events[^2];
        var changed = events[^1];
        changed.Timestamp.ShouldBeGreaterThan(migrated.Timestamp);
        var between = migrated.Timestamp + ((changed.Timestamp - migrated.Timestamp) / 2);

        var (report, error) = await StateAtAsync(await FindAsync(_accountId), StreamPoint.AtTimestamp(between));

        error.ShouldBeNull();
        report.ShouldNotBeNull().Version.ShouldBe(migrated.Version);
        CyPermissions(report).ShouldBe(["view"]);
    }

    [Fact]
    public async Task state_at_printed_time_includes_event()
    {
        var events = await EventsAsync(_accountId);
        StreamPoint.TryParse(StateText.FormatTime(events[^1].Timestamp), out var at).ShouldBeTrue();

        var (report, _) = await StateAtAsync(await FindAsync(_accountId), at);

        report.ShouldNotBeNull().Version.ShouldBe(events[^1].Version);
        CyPermissions(report).ShouldBe(["view", "billing"]);
    }

    [Fact]
    public async Task version_past_end_is_error()
    {
        var events = await EventsAsync(_accountId);

        var (report, error) = await StateAtAsync(await FindAsync(_accountId), StreamPoint.AtVersion(events.Count + 1));

        report.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain($"Version {events.Count + 1} is past the end of the account northwind");
        error.ShouldContain($"at version {events.Count}");
    }

    [Fact]
    public async Task time_before_stream_is_error()
    {
        var events = await EventsAsync(_accountId);
        var before = events[0].Timestamp.AddDays(-1);

        var (report, error) = await StateAtAsync(await FindAsync(_accountId), StreamPoint.AtTimestamp(before));

        report.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("is before the account northwind began at");
        error.ShouldContain(StateText.FormatTime(events[0].Timestamp));
    }

    [Fact]
    public async Task name_prefers_account_over_team()
    {
        await using var session = Store.QuerySession();

        var any = await StreamFinder.FindByNameAsync(session, Northwind.Team, null, CancellationToken.None);
        var team = await StreamFinder.FindByNameAsync(session, Northwind.Team, StreamKind.Team, CancellationToken.None);

        any.ShouldHaveSingleItem().Kind.ShouldBe(StreamKind.Account);
        var found = team.ShouldHaveSingleItem();
        found.Id.ShouldBe(Northwind.TeamId);
        found.Account.ShouldBe(Northwind.Account);
    }

    [Fact]
    public async Task team_history_shows_role_entries()
    {
        var report = await StreamReports.HistoryAsync(
            Store.QuerySession(), await FindAsync(Northwind.TeamId), CancellationToken.None);

        report.ShouldNotBeNull().Stream.Kind.ShouldBe(StreamKind.Team);
        report.Stream.Name.ShouldBe(Northwind.Team);
        var changes = report.Events[0].Changes.ShouldNotBeNull().Select(change => change.Path).ToList();
        changes.ShouldContain("roles[cy@northwind.test]");
        changes.ShouldContain("roles[ed@contractor.test]");
    }

    [Fact]
    public async Task migration_stream_found_by_company_id()
    {
        var stream = await FindAsync(CompanyId);

        var report = await StreamReports.HistoryAsync(Store.QuerySession(), stream, CancellationToken.None);

        stream.Kind.ShouldBe(StreamKind.Migration);
        stream.Name.ShouldBe("northwind");
        var changes = report.ShouldNotBeNull().Events[^1].Changes.ShouldNotBeNull().Select(c => c.Describe());
        changes.ShouldContain("outcome: null -> migrated");
    }

    [Fact]
    public async Task unknown_id_is_not_found()
    {
        await using var session = Store.QuerySession();

        var stream = await StreamFinder.FindAsync(session, Guid.NewGuid(), CancellationToken.None);

        stream.ShouldBeNull();
    }

    [Fact]
    public async Task ambiguous_team_name_lists_candidates()
    {
        var globex = await NorthwindHistory.AccountIdAsync(Store, "globex");
        var inNorthwind = await NorthwindHistory.CreateTeamAsync(Store, _accountId, "platform");
        var inGlobex = await NorthwindHistory.CreateTeamAsync(Store, globex, "platform");
        await using var session = Store.QuerySession();

        var error = await Should.ThrowAsync<CliException>(
            () => HistoryCommand.FindStreamAsync(session, "platform", null, CancellationToken.None));

        error.ExitCode.ShouldBe(ExitCodes.Failed);
        error.Message.ShouldContain("The team name 'platform' is ambiguous");
        error.Message.ShouldContain($"{inNorthwind} (account northwind)");
        error.Message.ShouldContain($"{inGlobex} (account globex)");
    }

    [Fact]
    public async Task id_of_other_kind_is_error()
    {
        await using var session = Store.QuerySession();

        var error = await Should.ThrowAsync<CliException>(() => HistoryCommand.FindStreamAsync(
            session, Northwind.TeamId.ToString(), StreamKind.Account, CancellationToken.None));

        error.ExitCode.ShouldBe(ExitCodes.Failed);
        error.Message.ShouldBe(
            $"The stream {Northwind.TeamId} is the team northwind (account northwind), not of --kind account.");
    }

    [Fact]
    public async Task invalid_at_is_usage_error()
    {
        var error = await Should.ThrowAsync<CliException>(
            () => StateCommand.RunAsync(Store, ["northwind", "--at", "soon"], CancellationToken.None));

        error.ExitCode.ShouldBe(ExitCodes.Usage);
        error.Message.ShouldContain("Invalid --at 'soon'");
    }

    private async Task<StreamReport> HistoryAsync(string name)
    {
        await using var session = Store.QuerySession();
        var stream = await HistoryCommand.FindStreamAsync(session, name, null, CancellationToken.None);
        return (await StreamReports.HistoryAsync(session, stream, CancellationToken.None)).ShouldNotBeNull();
    }

    private async Task<(StreamReport? Report, string? Error)> StateAtAsync(StreamReference stream, StreamPoint at)
    {
        await using var session = Store.QuerySession();
        return await StreamReports.StateAtAsync(session, stream, at, CancellationToken.None);
    }

    private async Task<StreamReference> FindAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await StreamFinder.FindAsync(session, id, CancellationToken.None)).ShouldNotBeNull();
    }

    private async Task<IReadOnlyList<IEvent>> EventsAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }

    private static JsonNode? FoldJson(IEnumerable<IEvent> events)
    {
        var account = Aggregates.Fold<EnterpriseAccount>(events.Select(e => e.Data), EnterpriseAccount.Evolve);
        return HistoryJson.ToNode(account);
    }

    private static List<string?> CyPermissions(StreamReport report) =>
        report.State.ShouldNotBeNull()["members"].ShouldNotBeNull()[Northwind.Cy.Id.ToString()]
            .ShouldNotBeNull()["permissions"].ShouldNotBeNull().AsArray()
            .Select(permission => permission?.GetValue<string>())
            .ToList();
}
