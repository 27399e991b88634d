using System.Text.Json;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.ProjectionCheck;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;
using EnterpriseLedger.Projections.Users;
using EnterpriseLedger.Tests.Support;
using Marten;
using Npgsql;
using Shouldly;

namespace EnterpriseLedger.Tests.ProjectionCheck;

/// <summary>
/// <c>./ledger projections check</c> on the migrated example companies, with views corrupted behind Marten's back.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ProjectionCheckTests(LedgerDatabase database) : IAsyncLifetime
{
    private static readonly string[] DocumentProjections =
        ["AccessView", "TeamView", "MigrationStatusView", "UserDirectoryView", "TokenView"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ledger-projection-check-");

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        var files = Examples.Names.Select(name => Examples.InputPath((string)name[0])).ToArray();
        await Migrator.MigrateAsync(database.Store, files);
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task migrated_ledger_has_no_drift()
    {
        var comparisons = await CheckAsync();

        comparisons.Select(comparison => comparison.Projection).ShouldBe(DocumentProjections);
        comparisons.ShouldAllBe(comparison => !comparison.HasDrift);
        comparisons.ShouldAllBe(comparison => comparison.LiveCount == comparison.RebuiltCount);
        comparisons.Single(comparison => comparison.Projection == "AccessView").LiveCount.ShouldBe(3);
    }

    [Fact]
    public async Task changed_permissions_are_reported_until_rebuild()
    {
        var account = await ScalarAsync<Guid>(
            """
            select id from ledger.mt_doc_accessview where data->'members'->0->>'permissions' <> 'View'
            order by id limit 1
            """);
        var granted = await ScalarAsync<string>(
            $"select (data->'members'->0->'permissions')::text from ledger.mt_doc_accessview where id = '{account}'");
        await ExecuteAsync(
            $"""
            update ledger.mt_doc_accessview set data = jsonb_set(data, '{"{"}members,0,permissions{"}"}', '"View"')
            where id = '{account}'
            """);

        var access = (await CheckAsync("AccessView")).ShouldHaveSingleItem();
        access.Changed.ShouldBe(1);
        access.Missing.ShouldBe(0);
        access.Extra.ShouldBe(0);
        var drift = access.Listed.ShouldHaveSingleItem();
        drift.Id.ShouldBe(account.ToString());
        drift.Kind.ShouldBe(DriftKind.Changed);
        var field = drift.Fields.ShouldHaveSingleItem();
        field.Path.ShouldBe("members[0].permissions");
        field.Live.ShouldBe("\"View\"");
        field.Rebuilt.ShouldBe(granted);

        var drifted = await RunAsync("projections", "check");
        drifted.ExitCode.ShouldBe(1, drifted.StandardError);
        drifted.StandardOutput.ShouldContain("AccessView (mt_doc_accessview): 3 live, 3 rebuilt: 1 changed");
        drifted.StandardOutput.ShouldContain(
            $"  changed: {account}\n    members[0].permissions: live \"View\", rebuilt {granted}\n");
        drifted.StandardOutput.ShouldContain("Drift in 1 of 5 views.");

        using (var daemon = await database.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<AccessViewProjection>(CancellationToken.None);
        }

        var repaired = await RunAsync("projections", "check", "AccessView");
        repaired.ExitCode.ShouldBe(0, repaired.StandardOutput + repaired.StandardError);
        repaired.StandardOutput.ShouldContain("AccessView (mt_doc_accessview): 3 live, 3 rebuilt: no drift");
    }

    [Fact]
    public async Task deleted_and_stray_documents_are_reported()
    {
        var team = await ScalarAsync<Guid>("select id from ledger.mt_doc_teamview order by id limit 1");
        await using (var session = database.Store.LightweightSession())
        {
            session.Delete<TeamView>(team);
            session.Store(new UserDirectoryView { Id = "stray@example.test", UserId = Guid.NewGuid() });
            await session.SaveChangesAsync();
        }

        var comparisons = await CheckAsync();

        var teams = comparisons.Single(comparison => comparison.Projection == "TeamView");
        teams.Missing.ShouldBe(1);
        teams.Changed.ShouldBe(0);
        var missing = teams.Listed.ShouldHaveSingleItem();
        missing.Id.ShouldBe(team.ToString());
        missing.Kind.ShouldBe(DriftKind.Missing);
        missing.Fields.ShouldBeEmpty();
        var users = comparisons.Single(comparison => comparison.Projection == "UserDirectoryView");
        users.Extra.ShouldBe(1);
        users.Changed.ShouldBe(0);
        var extra = users.Listed.ShouldHaveSingleItem();
        extra.Id.ShouldBe("stray@example.test");
        extra.Kind.ShouldBe(DriftKind.Extra);
        extra.Fields.ShouldBeEmpty();
        comparisons.Count(comparison => comparison.HasDrift).ShouldBe(2);

        var output = await RunAsync("projections", "check");
        output.ExitCode.ShouldBe(1, output.StandardError);
        output.StandardOutput.ShouldContain($"  missing from the live view: {team}\n");
        output.StandardOutput.ShouldContain("  extra in the live view: stray@example.test\n");
    }

    [Fact]
    public async Task json_output_lists_drift_for_tools()
    {
        await using (var session = database.Store.LightweightSession())
        {
            session.Store(new UserDirectoryView { Id = "stray@example.test", UserId = Guid.NewGuid() });
            await session.SaveChangesAsync();
        }

        var output = await RunAsync("projections", "check", "UserDirectoryView", "--output", "json");

        output.ExitCode.ShouldBe(1, output.StandardError);
        using var json = JsonDocument.Parse(output.StandardOutput);
        var users = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        users.GetProperty("projection").GetString().ShouldBe("UserDirectoryView");
        users.GetProperty("table").GetString().ShouldBe("mt_doc_userdirectoryview");
        users.GetProperty("extra").GetInt64().ShouldBe(1);
        users.GetProperty("live_count").GetInt64().ShouldBe(users.GetProperty("rebuilt_count").GetInt64() + 1);
        var document = users.GetProperty("documents").EnumerateArray().ShouldHaveSingleItem();
        document.GetProperty("id").GetString().ShouldBe("stray@example.test");
        document.GetProperty("kind").GetString().ShouldBe("extra");
    }

    [Fact]
    public async Task limit_lists_fewer_documents_but_counts_all()
    {
        await ExecuteAsync("delete from ledger.mt_doc_teamview");

        var teams = (await CheckAsync("TeamView", limit: 1)).ShouldHaveSingleItem();
        var output = await RunAsync("projections", "check", "TeamView", "--limit", "1");

        teams.Missing.ShouldBe(teams.RebuiltCount);
        teams.Missing.ShouldBeGreaterThan(1);
        teams.Listed.Count.ShouldBe(1);
        output.ExitCode.ShouldBe(1, output.StandardError);
        output.StandardOutput.ShouldContain($"  {teams.Missing - 1} more missing documents not listed");
    }

    [Fact]
    public async Task check_writes_nothing_outside_scratch_schema()
    {
        var progressBefore = await ProgressRowsAsync();
        var eventsBefore = await ScalarAsync<long>("select count(*) from ledger.mt_events");

        await CheckAsync();

        (await ScratchSchemasAsync()).ShouldBe(0);
        (await ProgressRowsAsync()).ShouldBe(progressBefore);
        (await ScalarAsync<long>("select count(*) from ledger.mt_events")).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task cancelled_check_drops_its_scratch_schema()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var catalog = ProjectionCatalog.Of(database.Store.Options);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new ProjectionChecker(database.ConnectionString, TextWriter.Null)
                .CheckAsync(catalog.Documents, 10, cancellation.Token));

        (await ScratchSchemasAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task unknown_projection_lists_valid_names()
    {
        var unknown = await RunAsync("projections", "check", "Nope");
        var audit = await RunAsync("projections", "check", "AuditLogProjection");

        unknown.ExitCode.ShouldBe(2);
        unknown.StandardError.ShouldContain(
            "Unknown projection 'Nope'. Projections to check: AccessView, TeamView, MigrationStatusView, "
            + "UserDirectoryView, TokenView.");
        audit.ExitCode.ShouldBe(2);
        audit.StandardError.ShouldContain("AuditLogProjection writes tables of its own");
    }

    [Fact]
    public async Task projection_class_name_selects_the_projection()
    {
        var output = await RunAsync("projections", "check", "teamviewprojection");

        output.ExitCode.ShouldBe(0, output.StandardOutput + output.StandardError);
        output.StandardOutput.ShouldStartWith("TeamView (mt_doc_teamview): ");
        output.StandardOutput.ShouldContain("No drift in 1 view.");
    }

    [Fact]
    public async Task rebuild_all_restores_views_keeps_audit_chain()
    {
        await ExecuteAsync("delete from ledger.mt_doc_accessview; delete from ledger.mt_doc_userdirectoryview");
        const string chain = "select string_agg(encode(hash, 'hex'), ',' order by account_id, position) "
            + "from ledger.audit_entries";
        var chainBefore = await ScalarAsync<string>(chain);

        var rebuilt = await RunAsync("projections", "rebuild");

        rebuilt.ExitCode.ShouldBe(0, rebuilt.StandardOutput + rebuilt.StandardError);
        (await ScalarAsync<string>(chain)).ShouldBe(chainBefore);
        var check = await RunAsync("projections", "check");
        check.ExitCode.ShouldBe(0, check.StandardOutput + check.StandardError);
    }

    private async Task<IReadOnlyList<ViewComparison>> CheckAsync(string? name = null, int limit = 10)
    {
        var catalog = ProjectionCatalog.Of(database.Store.Options);
        IReadOnlyList<CheckedProjection> projections = name is null
            ? catalog.Documents
            : [catalog.Find(name) ?? throw new ArgumentException($"No projection {name}.", nameof(name))];
        var checker = new ProjectionChecker(database.ConnectionString, TextWriter.Null);
        return await checker.CheckAsync(projections, limit, CancellationToken.None);
    }

    private Task<LedgerProcess.Output> RunAsync(params string[] args) =>
        LedgerProcess.RunAsync(
            database.ConnectionString,
            new Dictionary<string, string>
            {
                [AuditSigningKey.PathVariable] = Path.Combine(_folder.FullName, AuditSigningKey.FileName),
            },
            args);

    private Task<long> ScratchSchemasAsync() =>
        ScalarAsync<long>($"select count(*) from pg_namespace where nspname like '{ScratchStore.SchemaPrefix}%'");

    private Task<string> ProgressRowsAsync() =>
        ScalarAsync<string>(
            """
            select coalesce(string_agg(name || '=' || last_seq_id, ',' order by name), '')
            from ledger.mt_event_progression
            """);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No value for: {sql}"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
