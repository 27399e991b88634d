using System.Diagnostics;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Host.ProjectionCheck;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.RebuildBench;

/// <summary>Seeds the store, then times the rebuilds, the loads at old versions and a projection check.</summary>
internal sealed class RebuildBenchRunner(RebuildBenchOptions options, string connectionString, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<RebuildBenchRunner>();

    public async Task<RebuildBenchReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var store = LedgerStore.Create(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var serverVersion = await ServerVersionAsync(dataSource, cancellationToken);
        var loadBefore = MachineInfo.LoadAverage();

        var longStreamId = Guid.CreateVersion7();
        var seed = await new StoreSeeder(store, _logger).SeedAsync(options, longStreamId, cancellationToken);
        var rebuilds = await new RebuildTimer(store, dataSource, _logger)
            .MeasureAsync(options, seed.Events, cancellationToken);
        var loads = await new TimeTravel(store, longStreamId, _logger)
            .MeasureAsync(options.Versions, options.Runs, options.StreamEvents, cancellationToken);
        var check = options.Check ? await CheckAsync(store, cancellationToken) : null;

        return new RebuildBenchReport(
            options, MachineInfo.Current(), $"PostgreSQL {serverVersion}", loadBefore, seed, rebuilds, loads, check);
    }

    private async Task<CheckMeasurement> CheckAsync(DocumentStore store, CancellationToken cancellationToken)
    {
        var catalog = ProjectionCatalog.Of(store.Options);
        var stopwatch = Stopwatch.StartNew();
        var comparisons = await new ProjectionChecker(connectionString, TextWriter.Null)
            .CheckAsync(catalog.Documents, 10, cancellationToken);
        var measurement = new CheckMeasurement(
            comparisons.Count, comparisons.Count(comparison => comparison.HasDrift), stopwatch.Elapsed);
        BenchLog.Checked(_logger, measurement.Views, measurement.Elapsed.TotalSeconds, measurement.Drifted);
        return measurement;
    }

    private static async Task<string> ServerVersionAsync(NpgsqlDataSource dataSource, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand("show server_version");
        return (string)(await command.ExecuteScalarAsync(token) ?? "unknown");
    }
}

internal sealed record CheckMeasurement(int Views, int Drifted, TimeSpan Elapsed);

internal sealed record RebuildBenchReport(
    RebuildBenchOptions Options,
    MachineInfo Machine,
    string Database,
    double LoadAverageBefore,
    SeedResult Seed,
    IReadOnlyList<RebuildMeasurement> Rebuilds,
    IReadOnlyList<LoadMeasurement> Loads,
    CheckMeasurement? Check);
