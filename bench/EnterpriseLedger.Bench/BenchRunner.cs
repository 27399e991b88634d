using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Host.Migrations;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.Bench;

/// <summary>
/// Generates the batch, then, for every variant and batch size, migrates it the requested number of times into an
/// emptied database, each run followed by a COPY of as many rows.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, BenchDatabase database, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<BenchRunner>();
    private readonly ILogger _runnerLogger = loggers.CreateLogger<MigrationRunner>();

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var connectionString = ConnectionString();
        CheckVariants(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var sql = new BenchSql(dataSource, _logger);
        await sql.EnsureResettableAsync(database.IsEmbedded || options.AllowReset, cancellationToken);
        var serverVersion = await sql.ServerVersionAsync(cancellationToken);

        using var input = await BenchInput.CreateAsync(options.Companies, options.Seed, _logger, cancellationToken);
        var stores = options.Variants.Select(variant => variant.CreateStore(connectionString)).ToList();
        try
        {
            var runs = await MeasureAllAsync(stores, input, sql, new CopyBaseline(dataSource), cancellationToken);
            var steps = await ClientSteps.MeasureAsync(input.File, stores[0], options.Runs, cancellationToken);
            return new BenchReport(
                options, MachineInfo.Current(), Describe(serverVersion), input.Bytes, steps, runs);
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }

            if (!options.Keep)
            {
                await DropScratchSchemasAsync(sql, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Warms every variant up, then measures them in turn within each round of runs, so that a change in the
    /// machine's load during the benchmark affects every variant alike.
    /// </summary>
    private async Task<List<RunMeasurement>> MeasureAllAsync(
        List<DocumentStore> stores, BenchInput input, BenchSql sql, CopyBaseline copy,
        CancellationToken cancellationToken)
    {
        for (var index = 0; index < stores.Count; index++)
        {
            await WarmUpAsync(options.Variants[index], stores[index], input, cancellationToken);
        }

        var runs = new List<RunMeasurement>();
        for (var run = 1; run <= options.Runs; run++)
        {
            for (var index = 0; index < stores.Count; index++)
            {
                foreach (var batchSize in options.BatchSizes)
                {
                    var context = new RunContext(
                        options.Variants[index], stores[index], input, sql, copy, batchSize, run);
                    runs.Add(await MeasureRunAsync(context, cancellationToken));
                }
            }
        }

        return runs;
    }

    private async Task<RunMeasurement> MeasureRunAsync(RunContext context, CancellationToken cancellationToken)
    {
        await context.Store.Advanced.ResetAllData(cancellationToken);
        await context.Sql.CheckpointAsync(cancellationToken);
        CollectGarbage();
        var load = MachineInfo.LoadAverage();
        var cpu = Environment.CpuUsage.TotalTime;
        var (elapsed, outcomes) = await MigrationTrial.RunAsync(
            context.Store, context.Variant, context.Input.File, context.BatchSize, _runnerLogger, cancellationToken);
        var clientCpu = Environment.CpuUsage.TotalTime - cpu;

        var events = await context.Sql.CountEventsAsync(context.Variant.SchemaName, cancellationToken);
        if (!context.Copy.IsLoaded)
        {
            await context.Copy.LoadAsync(context.Variant.SchemaName, cancellationToken);
        }

        await context.Sql.CheckpointAsync(cancellationToken);
        CollectGarbage();
        var copyTime = await context.Copy.TimeCopyAsync(cancellationToken);

        BenchLog.RunFinished(_logger, context.Variant.Name, context.BatchSize, context.Run, events,
            elapsed.TotalSeconds, copyTime.TotalSeconds);
        return new RunMeasurement(context.Variant.Name, context.BatchSize, context.Run, outcomes.Total, elapsed,
            clientCpu, load, events, outcomes.ToString(), copyTime, context.Copy.RowCount);
    }

    /// <summary>
    /// Creates the schema and migrates a short batch once, so that no run pays for creating tables, generating
    /// Marten's code or compiling the migration path.
    /// </summary>
    private async Task WarmUpAsync(
        StoreVariant variant, IDocumentStore store, BenchInput input, CancellationToken cancellationToken)
    {
        var warmUpCompanies = BenchInput.WarmUpCount(options.Companies);
        BenchLog.WarmingUp(_logger, variant.Name, warmUpCompanies);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.ResetAllData(cancellationToken);
        await MigrationTrial.RunAsync(
            store, variant, input.WarmUpFile, options.BatchSizes[0], _runnerLogger, cancellationToken);
    }

    private string Describe(string serverVersion) =>
        $"PostgreSQL {serverVersion}, " +
        (database.IsEmbedded ? "embedded, started by the benchmark" : "from ConnectionStrings__Ledger");

    private string ConnectionString()
    {
        if (options.ConnectionOptions.Length == 0)
        {
            return database.ConnectionString;
        }

        try
        {
            var combined = $"{database.ConnectionString};{options.ConnectionOptions}";
            return new NpgsqlConnectionStringBuilder(combined).ConnectionString;
        }
        catch (ArgumentException error)
        {
            throw new BenchUsageException(
                $"Invalid --connection-options '{options.ConnectionOptions}': {error.Message}");
        }
    }

    private void CheckVariants(string connectionString)
    {
        if (options.Variants.Any(variant => variant.ChangesSchema))
        {
            using var ledgerStore = LedgerStore.Create(connectionString);
            BenchProjections.CheckInSync(ledgerStore);
        }
    }

    private async Task DropScratchSchemasAsync(BenchSql sql, CancellationToken cancellationToken)
    {
        await sql.DropSchemaAsync(CopyBaseline.SchemaName, cancellationToken);
        foreach (var variant in options.Variants.Where(variant => variant.ChangesSchema))
        {
            await sql.DropSchemaAsync(variant.SchemaName, cancellationToken);
        }
    }

    /// <summary>Starts each timed step with an empty heap, so that no run pays for the garbage of another.</summary>
    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed record RunContext(
        StoreVariant Variant,
        IDocumentStore Store,
        BenchInput Input,
        BenchSql Sql,
        CopyBaseline Copy,
        int BatchSize,
        int Run);
}
