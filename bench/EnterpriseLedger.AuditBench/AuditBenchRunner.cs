using EnterpriseLedger.Host.Hosting;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.AuditBench;

/// <summary>
/// Sets up two accounts with a month of entries each, N and N/10, and checks what the export command can do. Then
/// it measures every export case the requested number of times, in rounds, so that a change in the machine's load
/// during the benchmark affects every case alike.
/// </summary>
internal sealed class AuditBenchRunner(AuditBenchOptions options, BenchDatabase database, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<AuditBenchRunner>();

    public async Task<AuditBenchReport> RunAsync(string hostPath, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var (large, small) = await CreateAccountsAsync(cancellationToken);
        var seeder = new ChainSeeder(dataSource, _logger);
        var largeSeed = await SeedAsync(seeder, large, options.Entries, cancellationToken);
        var smallSeed = await SeedAsync(seeder, small, options.SmallEntries, cancellationToken);
        await seeder.SettleAsync(cancellationToken);

        var setup = new ExportSetup(
            hostPath,
            database.ConnectionString,
            Path.Combine(database.ScratchFolder, "audit-signing-key.pem"),
            largeSeed.FirstAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var runner = new ExportRunner(setup, dataSource, database.ScratchFolder, _logger);
        BenchLog.Probing(_logger, small.Name);
        var probe = await ExportProbe.RunAsync(runner, small, cancellationToken);

        var cases = Cases(large, small, probe.CsvProblem is null);
        BenchLog.WarmingUp(_logger);
        await runner.RunUntimedAsync(cases.First(item => !item.IsLedger), cancellationToken);
        var measurements = new List<Measurement>();
        for (var run = 1; run <= options.Runs; run++)
        {
            foreach (var item in cases)
            {
                measurements.Add(await runner.MeasureAsync(item, run, cancellationToken));
            }
        }

        return new AuditBenchReport(
            options, MachineInfo.Current(), await ServerVersionAsync(dataSource, cancellationToken),
            largeSeed, smallSeed, probe, measurements);
    }

    private async Task<(BenchAccount Large, BenchAccount Small)> CreateAccountsAsync(
        CancellationToken cancellationToken)
    {
        using var store = LedgerStore.Create(database.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var large = await BenchAccount.MigrateAsync(store, "audit-large", cancellationToken);
        var small = await BenchAccount.MigrateAsync(store, "audit-small", cancellationToken);
        return (large, small);
    }

    private async Task<SeedResult> SeedAsync(
        ChainSeeder seeder, BenchAccount account, int count, CancellationToken cancellationToken)
    {
        var seed = await seeder.SeedAsync(account, count, cancellationToken);
        BenchLog.Seeded(_logger, account.Name, seed.Entries, seed.Elapsed.TotalSeconds);
        return seed;
    }

    /// <summary>
    /// Lists the cases of one round: JSON and CSV of the large account, then JSON of the small one, each export
    /// followed by its COPY baseline. A CSV export that the command cannot do is left out, but its baseline stays.
    /// </summary>
    private static List<ExportCase> Cases(BenchAccount large, BenchAccount small, bool measureCsv)
    {
        var cases = new List<ExportCase>
        {
            new(true, "json", large),
            new(false, "json", large),
            new(false, "csv", large),
            new(true, "json", small),
            new(false, "json", small),
        };
        if (measureCsv)
        {
            cases.Insert(2, new ExportCase(true, "csv", large));
        }

        return cases;
    }

    private static async Task<string> ServerVersionAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("show server_version");
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "unknown";
    }
}
