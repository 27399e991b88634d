using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using Xunit;

namespace EnterpriseLedger.Tests.Database;

/// <summary>
/// Runs real PostgreSQL clusters, one per test, each in its own folder under the system temp folder. Tests of
/// relocated clusters, which run only as root, also use a folder under /var/tmp/enterprise-ledger.
/// </summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private const UnixFileMode ReachableByAll = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Event ids of EmbeddedPostgresLog.RelocatedCluster and RemovedOrphanedCluster.
    private const int RelocatedClusterEvent = 1016;
    private const int RemovedOrphanedClusterEvent = 1017;

    private readonly DirectoryInfo _root = CreateReachableDirectory();

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    private string PrivateFolder => Path.Combine(_root.FullName, "private");

    // A data folder inside PrivateFolder, which tests make mode 0700 so that only root can enter it.
    private string PrivateDataDirectory => Path.Combine(PrivateFolder, "data");

    // Only root runs PostgreSQL as another user, the postgres user. Any other user owns the folders it creates and
    // can reach them.
    [UnsupportedOSPlatformGuard("windows")]
    private static bool RunsAsRoot => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            await new EmbeddedPostgres(DataDirectory).StopAsync();
            await new EmbeddedPostgres(PrivateDataDirectory).StopAsync();
            await RemoveRelocatedClusterAsync(PrivateDataDirectory);
        }
        finally
        {
            _root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task first_start_creates_the_cluster()
    {
        var connectionString = await new EmbeddedPostgres(DataDirectory).EnsureStartedAsync();

        (await QueryAsync<int>(connectionString, "select 1")).ShouldBe(1);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.Host.ShouldBe("127.0.0.1");
        settings.Database.ShouldBe("ledger");
        settings.Username.ShouldBe("ledger");
        settings.Password.ShouldNotBeNullOrWhiteSpace();
        Directory.Exists(ClusterDirectory).ShouldBeTrue();
    }

    [Fact]
    public async Task password_file_is_owner_only()
    {
        var connectionString = await new EmbeddedPostgres(DataDirectory).EnsureStartedAsync();

        var passwordFile = Path.Combine(DataDirectory, "postgres.password");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(passwordFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var password = new NpgsqlConnectionStringBuilder(connectionString).Password;
        (await File.ReadAllTextAsync(passwordFile)).Trim().ShouldBe(password);
    }

    [Fact]
    public async Task server_allows_only_loopback_password_logins()
    {
        var connectionString = await new EmbeddedPostgres(DataDirectory).EnsureStartedAsync();

        (await QueryAsync<string>(connectionString, "show listen_addresses")).ShouldBe("127.0.0.1");
        (await QueryAsync<string>(connectionString, "show unix_socket_directories")).ShouldBe("");
        (await QueryAsync<string>(connectionString, "show password_encryption")).ShouldBe("scram-sha-256");
        var rules = await QueryAsync<string>(
            connectionString,
            "select string_agg(type || ' ' || address || ' ' || auth_method, '; ') from pg_hba_file_rules");
        rules.ShouldBe("host 127.0.0.1 scram-sha-256");
    }

    [Fact]
    public async Task wrong_password_is_rejected()
    {
        var connectionString = await new EmbeddedPostgres(DataDirectory).EnsureStartedAsync();

        var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Password = "not-the-password" };
        var exception = await Should.ThrowAsync<PostgresException>(
            () => QueryAsync<int>(wrong.ConnectionString, "select 1"));
        exception.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
    }

    [Fact]
    public async Task second_start_reuses_the_running_cluster()
    {
        var postgres = new EmbeddedPostgres(DataDirectory);
        var first = await postgres.EnsureStartedAsync();
        var startedAt = await QueryAsync<DateTime>(first, "select pg_postmaster_start_time()");

        var stopwatch = Stopwatch.StartNew();
        var second = await new EmbeddedPostgres(DataDirectory).EnsureStartedAsync();
        stopwatch.Stop();

        second.ShouldBe(first);
        (await QueryAsync<DateTime>(second, "select pg_postmaster_start_time()")).ShouldBe(startedAt);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task data_survives_stop_and_start()
    {
        var postgres = new EmbeddedPostgres(DataDirectory);
        var first = await postgres.EnsureStartedAsync();
        await ExecuteAsync(first, "create table entries (id int primary key, memo text)");
        await ExecuteAsync(first, "insert into entries values (1, 'opening balance')");

        (await postgres.StopAsync()).ShouldBeTrue();
        await Should.ThrowAsync<NpgsqlException>(() => QueryAsync<int>(first, "select 1"));
        var second = await postgres.EnsureStartedAsync();

        second.ShouldBe(first);
        (await QueryAsync<string>(second, "select memo from entries where id = 1")).ShouldBe("opening balance");
    }

    [Fact]
    public async Task stop_returns_false_when_not_running()
    {
        var postgres = new EmbeddedPostgres(DataDirectory);

        (await postgres.StopAsync()).ShouldBeFalse();
        await postgres.EnsureStartedAsync();
        (await postgres.StopAsync()).ShouldBeTrue();
        (await postgres.StopAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task start_ignores_stale_pid_file()
    {
        var postgres = new EmbeddedPostgres(DataDirectory);
        await postgres.EnsureStartedAsync();
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        var pidFileContent = await File.ReadAllTextAsync(pidFile);
        await postgres.StopAsync();

        // A crash or a reboot leaves postmaster.pid behind, naming a process that no longer exists.
        await File.WriteAllTextAsync(pidFile, pidFileContent);
        var connectionString = await postgres.EnsureStartedAsync();

        (await QueryAsync<int>(connectionString, "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task start_ignores_pid_of_unrelated_process()
    {
        var postgres = new EmbeddedPostgres(DataDirectory);
        await postgres.EnsureStartedAsync();
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        var pidFileLines = await File.ReadAllLinesAsync(pidFile);
        await postgres.StopAsync();

        // After a reboot the old server's process id may belong to another process, here the test host.
        pidFileLines[0] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(pidFile, pidFileLines);
        var connectionString = await postgres.EnsureStartedAsync();

        (await QueryAsync<int>(connectionString, "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task concurrent_starts_share_one_cluster()
    {
        var starts = Enumerable.Range(0, 3).Select(_ => new EmbeddedPostgres(DataDirectory).EnsureStartedAsync());

        var connectionStrings = await Task.WhenAll(starts);

        connectionStrings.Distinct().Count().ShouldBe(1);
        (await QueryAsync<int>(connectionStrings[0], "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task missing_binaries_give_instructions()
    {
        var emptyFolder = Directory.CreateDirectory(Path.Combine(_root.FullName, "no-binaries")).FullName;
        var postgres = new EmbeddedPostgres(DataDirectory, logger: null, binarySearchDirectories: [emptyFolder]);

        var exception = await Should.ThrowAsync<EmbeddedPostgresUnavailableException>(
            () => postgres.EnsureStartedAsync());

        exception.Message.ShouldContain("PostgreSQL binaries (initdb, pg_ctl, postgres) were not found");
        exception.Message.ShouldContain(emptyFolder);
        exception.Message.ShouldContain("apt-get install postgresql");
        exception.Message.ShouldContain("ConnectionStrings__Ledger");
        exception.Message.ShouldContain("docker compose up");
        Directory.Exists(DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task failed_initdb_leaves_no_partial_cluster()
    {
        var failingBinaries = CreateFailingBinaries();
        var failing = new EmbeddedPostgres(DataDirectory, logger: null, binarySearchDirectories: [failingBinaries]);

        var exception = await Should.ThrowAsync<EmbeddedPostgresException>(() => failing.EnsureStartedAsync());

        exception.Message.ShouldContain(Path.Combine(failingBinaries, "initdb"));
        exception.Message.ShouldContain("simulated initdb failure");
        Directory.Exists(ClusterDirectory).ShouldBeFalse();
        Directory.Exists(Path.Combine(DataDirectory, "pgdata.init")).ShouldBeFalse();

        var connectionString = await new EmbeddedPostgres(DataDirectory).EnsureStartedAsync();
        (await QueryAsync<int>(connectionString, "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task unreachable_data_folder_relocates_cluster()
    {
        if (!RunsAsRoot)
        {
            return;
        }

        CreatePrivateFolder();
        var logger = new RecordingLogger();
        var postgres = new EmbeddedPostgres(PrivateDataDirectory, logger);

        var first = await postgres.EnsureStartedAsync();
        (await QueryAsync<int>(first, "select 1")).ShouldBe(1);
        await ExecuteAsync(first, "create table entries (id int primary key, memo text)");
        await ExecuteAsync(first, "insert into entries values (1, 'opening balance')");
        (await postgres.StopAsync()).ShouldBeTrue();
        var second = await postgres.EnsureStartedAsync();

        second.ShouldBe(first);
        (await QueryAsync<string>(second, "select memo from entries where id = 1")).ShouldBe("opening balance");

        var relocatedRoot = ExpectedRelocatedRoot(PrivateDataDirectory);
        var pointerFile = Path.Combine(PrivateDataDirectory, "postgres.cluster");
        (await File.ReadAllTextAsync(pointerFile)).Trim().ShouldBe(relocatedRoot);
        File.Exists(Path.Combine(relocatedRoot, "pgdata", "PG_VERSION")).ShouldBeTrue();
        File.Exists(Path.Combine(relocatedRoot, "pgdata", "server.log")).ShouldBeTrue();
        Directory.Exists(Path.Combine(relocatedRoot, "pgdata.init")).ShouldBeFalse();
        File.Exists(Path.Combine(PrivateDataDirectory, "postgres.port")).ShouldBeTrue();
        File.Exists(Path.Combine(PrivateDataDirectory, "postgres.password")).ShouldBeTrue();
        Directory.Exists(Path.Combine(PrivateDataDirectory, "pgdata")).ShouldBeFalse();

        var relocations = logger.Entries.Where(entry => entry.EventId == RelocatedClusterEvent).ToList();
        relocations.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Information);
        logger.Entries.ShouldNotContain(entry => entry.EventId == RemovedOrphanedClusterEvent);
    }

    [Fact]
    public async Task orphaned_relocated_cluster_is_replaced()
    {
        if (!RunsAsRoot)
        {
            return;
        }

        CreatePrivateFolder();
        var first = await new EmbeddedPostgres(PrivateDataDirectory).EnsureStartedAsync();
        await ExecuteAsync(first, "create table entries (id int primary key, memo text)");

        // The server keeps running from /var/tmp after its data folder, with the pointer file, is gone.
        Directory.Delete(PrivateDataDirectory, recursive: true);
        var logger = new RecordingLogger();
        var second = await new EmbeddedPostgres(PrivateDataDirectory, logger).EnsureStartedAsync();

        (await QueryAsync<int>(second, "select 1")).ShouldBe(1);
        (await QueryAsync<bool>(second, "select to_regclass('entries') is null")).ShouldBeTrue();
        await Should.ThrowAsync<NpgsqlException>(() => QueryAsync<int>(first, "select 1"));

        var pointerFile = Path.Combine(PrivateDataDirectory, "postgres.cluster");
        (await File.ReadAllTextAsync(pointerFile)).Trim().ShouldBe(ExpectedRelocatedRoot(PrivateDataDirectory));
        var removals = logger.Entries.Where(entry => entry.EventId == RemovedOrphanedClusterEvent).ToList();
        removals.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Warning);
    }

    [Fact]
    public async Task unreachable_existing_cluster_is_named()
    {
        if (!RunsAsRoot)
        {
            return;
        }

        // A cluster made while the postgres user could reach the data folder stays there when that changes.
        Directory.CreateDirectory(PrivateFolder);
        File.SetUnixFileMode(PrivateFolder, ReachableByAll);
        var postgres = new EmbeddedPostgres(PrivateDataDirectory);
        await postgres.EnsureStartedAsync();
        await postgres.StopAsync();
        File.SetUnixFileMode(PrivateFolder, OwnerOnly);

        try
        {
            var exception = await Should.ThrowAsync<EmbeddedPostgresException>(() => postgres.EnsureStartedAsync());

            exception.Message.ShouldContain(PrivateDataDirectory);
            exception.Message.ShouldContain("search (x) permission");
            File.Exists(Path.Combine(PrivateDataDirectory, "postgres.cluster")).ShouldBeFalse();
            Directory.Exists(ExpectedRelocatedRoot(PrivateDataDirectory)).ShouldBeFalse();
        }
        finally
        {
            File.SetUnixFileMode(PrivateFolder, ReachableByAll);
        }
    }

    [Fact]
    public void default_data_directory_is_dot_ledger()
    {
        EmbeddedPostgres.DefaultDataDirectory(null, "/srv/app").ShouldBe("/srv/app/.ledger");
        EmbeddedPostgres.DefaultDataDirectory(" ", "/srv/app").ShouldBe("/srv/app/.ledger");
    }

    [Fact]
    public void default_data_directory_follows_ledger_data_dir()
    {
        EmbeddedPostgres.DefaultDataDirectory("/var/lib/ledger", "/srv/app").ShouldBe("/var/lib/ledger");
        EmbeddedPostgres.DefaultDataDirectory("data", "/srv/app").ShouldBe("/srv/app/data");
    }

    // Directory.CreateTempSubdirectory creates mode 0700, which the postgres user cannot enter when the tests
    // run as root.
    private static DirectoryInfo CreateReachableDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("ledger-embedded-postgres-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.FullName, ReachableByAll);
        }

        return directory;
    }

    [UnsupportedOSPlatform("windows")]
    private void CreatePrivateFolder()
    {
        Directory.CreateDirectory(PrivateFolder);
        File.SetUnixFileMode(PrivateFolder, OwnerOnly);
    }

    // Computed here rather than taken from the ledger, so that a change to the folder name fails these tests.
    private static string ExpectedRelocatedRoot(string dataDirectory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)));
        return "/var/tmp/enterprise-ledger/" + hash[..16];
    }

    // Stops a server that still runs from the relocated folder, as after a failed test that deleted its data folder,
    // and deletes that folder.
    private static async Task RemoveRelocatedClusterAsync(string dataDirectory)
    {
        var relocatedRoot = ExpectedRelocatedRoot(dataDirectory);
        if (!RunsAsRoot || !Directory.Exists(relocatedRoot))
        {
            return;
        }

        var layout = new ClusterLayout(dataDirectory) { ClusterRoot = relocatedRoot };
        if (Directory.Exists(layout.ClusterDirectory))
        {
            var binaries = PostgresBinaries.Locate(PostgresBinaries.DefaultSearchDirectories());
            var account = ServerAccount.ForCurrentProcess(relocatedRoot, NullLogger.Instance);
            var server = new PostgresServer(binaries, layout, account, NullLogger.Instance);
            if (await server.IsRunningAsync(CancellationToken.None))
            {
                await server.StopImmediatelyAsync(CancellationToken.None);
            }
        }

        Directory.Delete(relocatedRoot, recursive: true);
    }

    private string CreateFailingBinaries()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "failing-bin")).FullName;
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
        {
            var path = Path.Combine(folder, program);
            File.WriteAllText(path, $"#!/bin/sh\necho 'simulated {program} failure' >&2\nexit 1\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, ReachableByAll);
            }
        }

        return folder;
    }

    private static async Task<T> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = CreateUnpooled(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is T typed ? typed : throw new InvalidOperationException($"{sql} returned {value}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = CreateUnpooled(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // A pooled connection would outlive the server stops in these tests and fail on its next use.
    private static NpgsqlConnection CreateUnpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
}
