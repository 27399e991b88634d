using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Projections.Migrations;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Migrations;

[Collection(DatabaseTests.Name)]
public sealed class MigrationScenarioTests(LedgerDatabase database) : IAsyncLifetime
{
    private IDocumentStore Store => database.Store;

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task rerun_of_migrated_company_writes_nothing()
    {
        await Migrator.MigrateOneAsync(Store, Examples.InputPath("single-team"));
        var eventsBefore = await Migrator.EventCountAsync(Store);

        var rerun = await Migrator.MigrateOneAsync(Store, Examples.InputPath("single-team"));

        rerun.Outcome.ShouldBe(MigrationOutcome.AlreadyMigrated);
        rerun.AccountName.ShouldBe("northwind");
        rerun.Members.Count.ShouldBe(4);
        (await Migrator.EventCountAsync(Store)).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task rerun_of_beta_company_writes_nothing()
    {
        await Migrator.MigrateOneAsync(Store, Examples.InputPath("beta-participant"));
        var eventsBefore = await Migrator.EventCountAsync(Store);

        var rerun = await Migrator.MigrateOneAsync(Store, Examples.InputPath("beta-participant"));

        rerun.Outcome.ShouldBe(MigrationOutcome.AlreadyMigrated);
        rerun.AccountName.ShouldBe("stark-industries");
        (await Migrator.EventCountAsync(Store)).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task unchanged_blocked_company_writes_nothing()
    {
        await Migrator.MigrateOneAsync(Store, Examples.InputPath("two-licensed-teams"));
        var eventsBefore = await Migrator.EventCountAsync(Store);

        var rerun = await Migrator.MigrateOneAsync(Store, Examples.InputPath("two-licensed-teams"));

        rerun.Outcome.ShouldBe(MigrationOutcome.Blocked);
        rerun.Reasons.ShouldBe([MigrationReasons.MultipleLicensedTeams]);
        (await Migrator.EventCountAsync(Store)).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task corrected_blocked_company_migrates_and_banner_clears()
    {
        var blocked = await Migrator.MigrateOneAsync(Store, Examples.InputPath("no-admin-on-every-team"));
        var company = CompanyJson.Load("no-admin-on-every-team");
        CompanyJson.Member(company, 0, 1)["role"] = "admin";
        var corrected = Examples.WriteTemporary("corrected.json", company.ToJsonString());

        var result = await Migrator.MigrateOneAsync(Store, corrected);

        blocked.Outcome.ShouldBe(MigrationOutcome.Blocked);
        result.Outcome.ShouldBe(MigrationOutcome.Migrated);
        result.AccountName.ShouldBe("umbrella");
        await using var session = Store.QuerySession();
        var status = await session.LoadAsync<MigrationStatusView>(result.CompanyId ?? Guid.Empty);
        status.ShouldNotBeNull();
        status.Status.ShouldBe("migrated");
        status.BannerEmails.ShouldBeEmpty();
        status.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task invalid_company_is_skipped_and_batch_goes_on()
    {
        var invalid = CompanyJson.Load("single-team");
        CompanyJson.Member(invalid, 0, 2)["role"] = "superuser";
        var file = Examples.WriteTemporary("batch.json",
            CompanyJson.Array(CompanyJson.Load("admin-on-every-team"), invalid, CompanyJson.Load("two-licensed-teams")));

        var results = await Migrator.MigrateAsync(Store, file);

        results.Select(r => r.Outcome).ShouldBe(
            [MigrationOutcome.Migrated, MigrationOutcome.Invalid, MigrationOutcome.Blocked]);
        results[1].Company.ShouldBe("northwind");
        results[1].Error.ShouldNotBeNull();
        results[1].Error!.ShouldStartWith("$.teams[0].members[2].role: unknown role 'superuser'");
        await ShouldHaveNoStreamAsync(results[1].CompanyId);
        await ShouldHaveNoStreamAsync(Guid.Parse("06e0846b-8357-5809-85c9-e12784562491"));
    }

    [Fact]
    public async Task value_of_wrong_type_is_reported_with_path()
    {
        var company = CompanyJson.Load("single-team");
        CompanyJson.Team(company, 0)["provisioned_licenses"] = "yes";
        var file = Examples.WriteTemporary("typed.json", company.ToJsonString());

        var result = await Migrator.MigrateOneAsync(Store, file);

        result.Outcome.ShouldBe(MigrationOutcome.Invalid);
        result.Error.ShouldNotBeNull();
        result.Error!.ShouldStartWith("$.teams[0].provisioned_licenses: invalid value");
        (await Migrator.EventCountAsync(Store)).ShouldBe(0);
    }

    [Fact]
    public async Task malformed_json_is_reported_with_line_and_position()
    {
        var file = Examples.WriteTemporary("broken.json", "{\n  \"company\": { \"id\": \"x\",, }\n}\n");

        var error = await Should.ThrowAsync<Host.Cli.CliException>(() => Migrator.MigrateAsync(Store, file));

        error.Message.ShouldContain("invalid JSON at line 2, position");
        (await Migrator.EventCountAsync(Store)).ShouldBe(0);
    }

    [Fact]
    public async Task malformed_line_in_ndjson_writes_no_company()
    {
        var valid = CompanyJson.Load("single-team").ToJsonString();
        var file = Examples.WriteTemporary("broken.ndjson", valid + "\n{\"company\": }\n");

        var error = await Should.ThrowAsync<Host.Cli.CliException>(() => Migrator.MigrateAsync(Store, file));

        error.Message.ShouldContain("line 2");
        (await Migrator.EventCountAsync(Store)).ShouldBe(0);
    }

    [Fact]
    public async Task ndjson_gives_one_result_per_line()
    {
        var file = Examples.WriteTemporary("batch.ndjson",
            CompanyJson.Compact(CompanyJson.Load("single-team"), CompanyJson.Load("both-reasons")));

        var results = await Migrator.MigrateAsync(Store, file);

        results.Select(r => r.Outcome).ShouldBe([MigrationOutcome.Migrated, MigrationOutcome.Blocked]);
        results.Select(r => r.Position).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task company_given_twice_is_migrated_once()
    {
        var company = CompanyJson.Load("single-team");
        var file = Examples.WriteTemporary("twice.json", CompanyJson.Array(company, company));

        var results = await Migrator.MigrateAsync(Store, file);

        results.Select(r => r.Outcome).ShouldBe([MigrationOutcome.Migrated, MigrationOutcome.AlreadyMigrated]);
    }

    [Fact]
    public async Task team_of_another_company_fails_only_that_company()
    {
        var copy = CompanyJson.Load("single-team");
        copy["company"]!["id"] = "11111111-1111-4111-8111-111111111111";
        copy["company"]!["name"] = "northwind-copy";
        var file = Examples.WriteTemporary("clash.json", CompanyJson.Array(CompanyJson.Load("single-team"), copy));

        var results = await Migrator.MigrateAsync(Store, file);

        results[0].Outcome.ShouldBe(MigrationOutcome.Migrated);
        results[1].Outcome.ShouldBe(MigrationOutcome.Invalid);
        results[1].Error.ShouldNotBeNull();
        results[1].Error!.ShouldContain("already belongs to another company");
        await ShouldHaveNoStreamAsync(Guid.Parse("11111111-1111-4111-8111-111111111111"));
    }

    [Fact]
    public async Task taken_account_name_fails_only_that_company()
    {
        var copy = CompanyJson.Load("single-team");
        copy["company"]!["id"] = "22222222-2222-4222-8222-222222222222";
        CompanyJson.Team(copy, 0)["id"] = "33333333-3333-4333-8333-333333333333";
        var file = Examples.WriteTemporary("same-name.json", CompanyJson.Array(CompanyJson.Load("single-team"), copy));

        var results = await Migrator.MigrateAsync(Store, file);

        results[0].Outcome.ShouldBe(MigrationOutcome.Migrated);
        results[1].Outcome.ShouldBe(MigrationOutcome.Invalid);
        results[1].Error.ShouldNotBeNull();
        results[1].Error!.ShouldContain("account with the same name already exists");
        await ShouldHaveNoStreamAsync(Guid.Parse("33333333-3333-4333-8333-333333333333"));
    }

    [Fact]
    public async Task input_is_recorded_as_received()
    {
        var raw = CompanyJson.Load("both-reasons").ToJsonString();
        var file = Examples.WriteTemporary("one.json", raw);

        var result = await Migrator.MigrateOneAsync(Store, file);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(result.CompanyId ?? Guid.Empty);
        var requested = events[0].Data.ShouldBeOfType<MigrationRequested>();
        requested.Input.ShouldBe(raw);
        requested.InputSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw))));
        events[1].Data.ShouldBeOfType<MigrationBlocked>();
        events.Select(e => e.CorrelationId).Distinct().Count().ShouldBe(1);
    }

    private async Task ShouldHaveNoStreamAsync(Guid? streamId)
    {
        await using var session = Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(streamId ?? Guid.Empty);
        state.ShouldBeNull();
    }
}
