using System.Text.Json;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Migrations;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Migrations;

/// <summary>
/// Deciding recorded migrations again. With today's rules nothing differs. With a changed main-team rule, replay
/// reports exactly the companies whose outcome changes, explain shows every field that differs, and nothing is
/// written.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class MigrationExplainTests(LedgerDatabase database) : IAsyncLifetime
{
    /// <summary>A changed rule: the account is named after the team created last, licensed or not.</summary>
    private static readonly MigrationRules LatestTeamRules = new(company =>
        (company.Teams.OrderByDescending(team => team.CreatedAt).First(), "latest-created"));

    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UnixEpoch;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        var files = Examples.Names.Select(name => Examples.InputPath((string)name[0])).ToArray();
        await Migrator.MigrateAsync(database.Store, files);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task todays_rules_change_nothing()
    {
        var explanations = await ReplayAsync(MigrationRules.Current);

        explanations.Count.ShouldBe(6);
        explanations.ShouldAllBe(explanation => !explanation.Changes && explanation.Error == null);
    }

    [Fact]
    public async Task changed_rule_reports_exactly_affected_companies()
    {
        var explanations = await ReplayAsync(LatestTeamRules);

        var changed = explanations.Where(explanation => explanation.Changes)
            .Select(explanation => explanation.Recorded.CompanyName).Order().ToList();
        changed.ShouldBe(["globex"]);
    }

    [Fact]
    public async Task explain_shows_fields_that_differ()
    {
        var globex = (await ReplayAsync(LatestTeamRules)).Single(explanation => explanation.Recorded.CompanyName == "globex");

        var explanation = await new MigrationExplainer(database.Store, LatestTeamRules)
            .ExplainAsync(globex.Recorded.CompanyId, CancellationToken.None);

        var differences = explanation.ShouldNotBeNull().Differences.ToDictionary(difference => difference.Field);
        differences["account_name"].ShouldBe(new FieldDifference("account_name", "globex", "globex-data"));
        differences["main_team"].ShouldBe(new FieldDifference("main_team", "globex", "globex-data"));
        differences["main_team_rule"].ShouldBe(new FieldDifference("main_team_rule", "licensed", "latest-created"));
        differences.Keys.ShouldNotContain("outcome");
        explanation.Roles.ShouldContain(fact => fact.Team == "globex-data" && fact.Role == "admin");
    }

    [Fact]
    public async Task blocked_company_keeps_its_reasons()
    {
        var explanations = await ReplayAsync(LatestTeamRules);

        var umbrella = explanations.Single(explanation => explanation.Recorded.CompanyName == "umbrella");

        umbrella.Today.ShouldBe(MigrationOutcome.Blocked);
        umbrella.Changes.ShouldBeFalse();
        umbrella.Differences.Select(difference => difference.Field).ShouldBe(["main_team", "main_team_rule"]);
    }

    [Fact]
    public async Task replay_writes_nothing_for_migrated_companies()
    {
        var before = await EventCountAsync();
        var explainer = new MigrationExplainer(database.Store, LatestTeamRules);
        var actor = EnterpriseLedger.Domain.Actor.System("replay", DateTimeOffset.UtcNow);

        foreach (var explanation in await ReplayAsync(LatestTeamRules))
        {
            (await explainer.RecordAsync(explanation, actor, CancellationToken.None)).ShouldBeFalse();
        }

        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task explain_command_prints_json()
    {
        var output = await LedgerProcess.RunAsync(
            database.ConnectionString, "migrations", "explain", "northwind", "--output", "json");

        output.ExitCode.ShouldBe(0, output.StandardError);
        using var json = JsonDocument.Parse(output.StandardOutput);
        json.RootElement.GetProperty("changes").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("recorded").GetProperty("outcome").GetString().ShouldBe("migrated");
        json.RootElement.GetProperty("today").GetProperty("trace").GetProperty("main_team").GetString().ShouldBe("northwind");
    }

    [Fact]
    public async Task replay_command_needs_since()
    {
        var output = await LedgerProcess.RunAsync(database.ConnectionString, "migrations", "replay", "--dry-run");

        output.ExitCode.ShouldBe(2);
        output.StandardError.ShouldContain("--since");
    }

    [Fact]
    public async Task replay_command_lists_nothing_today()
    {
        var output = await LedgerProcess.RunAsync(
            database.ConnectionString, "migrations", "replay", "--since", "2000-01-01", "--dry-run", "--output", "json");

        output.ExitCode.ShouldBe(0, output.StandardError);
        using var json = JsonDocument.Parse(output.StandardOutput);
        json.RootElement.GetProperty("evaluated").GetInt32().ShouldBe(6);
        json.RootElement.GetProperty("changed").GetArrayLength().ShouldBe(0);
    }

    private async Task<List<MigrationExplanation>> ReplayAsync(MigrationRules rules)
    {
        var explanations = new List<MigrationExplanation>();
        await foreach (var explanation in new MigrationExplainer(database.Store, rules).ReplayAsync(LongAgo, CancellationToken.None))
        {
            explanations.Add(explanation);
        }

        return explanations;
    }

    private async Task<long> EventCountAsync()
    {
        await using var session = database.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
