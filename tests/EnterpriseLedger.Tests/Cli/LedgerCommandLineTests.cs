using System.Text.Json;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.Cli;

[Collection(DatabaseTests.Name)]
public sealed class LedgerCommandLineTests(LedgerDatabase database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task migrate_json_output_lists_every_company()
    {
        var files = Examples.Names.Select(name => Examples.InputPath((string)name[0])).ToArray();

        var output = await RunAsync(["migrate", .. files, "--output", "json"]);

        output.ExitCode.ShouldBe(0, output.StandardError);
        using var json = JsonDocument.Parse(output.StandardOutput);
        var companies = json.RootElement.EnumerateArray().ToList();
        companies.Count.ShouldBe(6);
        var northwind = companies.Single(c => c.GetProperty("company").GetString() == "northwind");
        northwind.GetProperty("outcome").GetString().ShouldBe("migrated");
        northwind.GetProperty("account").GetProperty("name").GetString().ShouldBe("northwind");
        northwind.GetProperty("members")[0].GetProperty("permissions").GetArrayLength().ShouldBe(4);
        northwind.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task migrate_exits_non_zero_on_invalid_company()
    {
        var company = CompanyJson.Load("single-team");
        CompanyJson.Member(company, 0, 0)["user"]!["email"] = "not-an-email";
        var file = Examples.WriteTemporary("invalid.json", company.ToJsonString());

        var output = await RunAsync("migrate", file, "--output", "json");

        output.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(output.StandardOutput);
        var result = json.RootElement[0];
        result.GetProperty("outcome").GetString().ShouldBe("invalid");
        result.GetProperty("error").GetString().ShouldBe("$.teams[0].members[0].user.email: malformed email 'not-an-email'");
    }

    [Fact]
    public async Task migrate_reports_malformed_file_and_goes_on()
    {
        var broken = Examples.WriteTemporary("broken.json", "[ {\"company\": 1 ");

        var output = await RunAsync("migrate", broken, Examples.InputPath("single-team"));

        output.ExitCode.ShouldBe(1);
        output.StandardError.ShouldContain("broken.json: invalid JSON at line 1");
        output.StandardOutput.ShouldContain("migrated");
    }

    [Fact]
    public async Task unknown_option_is_a_usage_error()
    {
        var output = await RunAsync("migrations", "--state", "blocked");

        output.ExitCode.ShouldBe(2);
        output.StandardError.ShouldContain("Unknown option --state for 'migrations'");
    }

    [Fact]
    public async Task views_show_migrated_data()
    {
        await RunAsync("migrate", Examples.InputPath("admin-on-every-team"), Examples.InputPath("both-reasons"));

        var access = await RunAsync("access", "globex", "--permission", "manage", "--output", "json");
        var teams = await RunAsync("teams", "--user", "KAI@globex.test", "--output", "json");
        var banner = await RunAsync("banner", "--user", "ray@hooli.test");
        var blocked = await RunAsync("migrations", "--status", "blocked", "--output", "json");

        access.StandardOutput.ShouldContain("hank@globex.test");
        access.StandardOutput.ShouldNotContain("ivy@globex.test");
        using var teamsJson = JsonDocument.Parse(teams.StandardOutput);
        var teamNames = teamsJson.RootElement.EnumerateArray().Select(t => t.GetProperty("team").GetProperty("name").GetString());
        teamNames.ShouldBe(["globex-data"]);
        banner.StandardOutput.ShouldContain("could not be created automatically");
        blocked.StandardOutput.ShouldContain("hooli");
        blocked.StandardOutput.ShouldNotContain("globex");
    }

    [Fact]
    public async Task unknown_account_exits_with_clear_message()
    {
        var output = await RunAsync("access", "no-such-account");

        output.ExitCode.ShouldBe(1);
        output.StandardError.ShouldContain("No Enterprise Account 'no-such-account'");
    }

    private Task<LedgerProcess.Output> RunAsync(params string[] args) =>
        LedgerProcess.RunAsync(database.ConnectionString, args);
}
