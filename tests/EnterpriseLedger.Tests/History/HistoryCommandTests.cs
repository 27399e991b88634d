using System.Text.Json;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.History;

/// <summary><c>./ledger history</c> and <c>./ledger state</c> as a user runs them, on the changed northwind.</summary>
[Collection(DatabaseTests.Name)]
public sealed class HistoryCommandTests(LedgerDatabase database) : IAsyncLifetime
{
    private const string CyPermissions = "members[cy@northwind.test].permissions";

    public async Task InitializeAsync() => await NorthwindHistory.SetUpAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task history_json_has_events_and_changes()
    {
        var output = await RunAsync("history", "northwind", "--output", "json");

        output.ExitCode.ShouldBe(0, output.StandardError);
        using var document = JsonDocument.Parse(output.StandardOutput);
        var root = document.RootElement;
        root.GetProperty("stream").GetProperty("kind").GetString().ShouldBe("account");
        var last = root.GetProperty("events").EnumerateArray().Last();
        last.GetProperty("type").GetString().ShouldBe("PermissionGranted");
        last.GetProperty("correlation_id").GetString().ShouldBe(NorthwindHistory.RequestId);
        last.GetProperty("data").GetProperty("email").GetString().ShouldBe("cy@northwind.test");
        var change = last.GetProperty("changes").EnumerateArray().ShouldHaveSingleItem();
        change.GetProperty("path").GetString().ShouldBe(CyPermissions);
        change.GetProperty("kind").GetString().ShouldBe("changed");
        change.GetProperty("after").EnumerateArray().Select(p => p.GetString()).ShouldBe(["view", "billing"]);
    }

    [Fact]
    public async Task history_table_has_diff_lines()
    {
        var output = await RunAsync("history", "northwind");

        output.ExitCode.ShouldBe(0, output.StandardError);
        output.StandardOutput.ShouldContain("PermissionGranted  by ana@northwind.test  correlation 0HNHISTORY");
        output.StandardOutput.ShouldContain($"    {CyPermissions}: view -> view, billing\n");
    }

    [Fact]
    public async Task state_at_version_prints_state()
    {
        var output = await RunAsync("state", "northwind", "--at", "1");

        output.ExitCode.ShouldBe(0, output.StandardError);
        output.StandardOutput.ShouldContain("account northwind, id ");
        output.StandardOutput.ShouldContain("at version 1");
        output.StandardOutput.ShouldContain("    members: {}");
    }

    [Fact]
    public async Task state_past_end_fails()
    {
        var output = await RunAsync("state", "northwind", "--at", "999");

        output.ExitCode.ShouldBe(1);
        output.StandardOutput.ShouldBeEmpty();
        output.StandardError.ShouldContain("Version 999 is past the end of the account northwind");
    }

    [Fact]
    public async Task unknown_stream_fails()
    {
        var output = await RunAsync("history", "nowhere");

        output.ExitCode.ShouldBe(1);
        output.StandardError.ShouldContain("No account, team or company is named 'nowhere'");
    }

    private Task<LedgerProcess.Output> RunAsync(params string[] args) =>
        LedgerProcess.RunAsync(database.ConnectionString, args);
}
