using System.Diagnostics;
using EnterpriseLedger.Host.ProjectionCheck;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// Times Marten's rebuild of each projection over the whole store, through the projection daemon as
/// <c>./ledger projections rebuild -p NAME</c> runs it. The audit log projection goes last, because its entries
/// read account and team names from the views, and is timed twice: the first run writes every entry, the second
/// finds them all written and skips them.
/// </summary>
internal sealed class RebuildTimer(DocumentStore store, NpgsqlDataSource dataSource, ILogger logger)
{
    public const string AuditProjection = "AuditLogProjection";

    // A rebuild of a large store takes longer than Marten's default shard timeout of 5 minutes.
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromHours(4);

    private bool _checkpointRejected;

    public async Task<List<RebuildMeasurement>> MeasureAsync(
        RebuildBenchOptions options, long events, CancellationToken cancellationToken)
    {
        var catalog = ProjectionCatalog.Of(store.Options);
        using var daemon = await store.BuildProjectionDaemonAsync();
        var measurements = new List<RebuildMeasurement>();
        foreach (var projection in catalog.Documents)
        {
            var table = TableOf(projection.DocumentTypes[0]);
            var runs = await TimeRunsAsync(daemon, projection.Name, table, options.RebuildRuns, cancellationToken);
            measurements.Add(new RebuildMeasurement(projection.Name, "documents", runs, events));
        }

        if (options.Audit)
        {
            var first = await TimeRunsAsync(daemon, AuditProjection, "audit_entries", 1, cancellationToken);
            measurements.Add(new RebuildMeasurement(AuditProjection + ", first run", "entries written", first, events));
            var replay = await TimeRunsAsync(
                daemon, AuditProjection, "audit_entries", options.RebuildRuns, cancellationToken);
            measurements.Add(new RebuildMeasurement(AuditProjection + ", replay", "entries kept", replay, events));
        }

        return measurements;
    }

    private async Task<List<RebuildRun>> TimeRunsAsync(
        JasperFx.Events.Daemon.IProjectionDaemon daemon, string name, string table, int runs, CancellationToken token)
    {
        var results = new List<RebuildRun>();
        for (var run = 1; run <= runs; run++)
        {
            await CheckpointAsync(token);
            var load = MachineInfo.LoadAverage();
            var stopwatch = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(name, ShardTimeout, token);
            var elapsed = stopwatch.Elapsed;
            var rows = await ScalarAsync($"select count(*) from ledger.{table}", token);
            BenchLog.Rebuilt(logger, name, run, elapsed.TotalSeconds, rows);
            results.Add(new RebuildRun(elapsed, rows, load));
        }

        return results;
    }

    private string TableOf(Type documentType) =>
        ((IReadOnlyStoreOptions)store.Options).FindOrResolveDocumentType(documentType).TableName.Name;

    /// <summary>
    /// Writes dirty pages out, so that a rebuild does not pay for the checkpoint of the one before. Needs a
    /// superuser or the pg_checkpoint role; without one, rebuilds go on without it.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (_checkpointRejected)
        {
            return;
        }

        try
        {
            await using var command = dataSource.CreateCommand("checkpoint");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            _checkpointRejected = true;
            BenchLog.CheckpointRejected(logger, error.MessageText);
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}

internal sealed record RebuildRun(TimeSpan Elapsed, long Rows, double LoadAverage);

/// <param name="RowsName">What the row count of the projection's table counts, for the report.</param>
internal sealed record RebuildMeasurement(
    string Projection, string RowsName, IReadOnlyList<RebuildRun> Runs, long Events)
{
    public double MedianSeconds => Statistics.Median(Runs.Select(run => run.Elapsed.TotalSeconds));

    public double EventsPerSecond => Events / MedianSeconds;
}
