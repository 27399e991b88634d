using System.Diagnostics;
using EnterpriseLedger.Host.Migrations;
using Marten;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Bench;

/// <summary>One timed migration of a file, done as <c>./ledger migrate FILE</c> does it.</summary>
internal static class MigrationTrial
{
    public const string Actor = "bench";

    public static async Task<(TimeSpan Elapsed, OutcomeCounts Outcomes)> RunAsync(
        IDocumentStore store,
        StoreVariant variant,
        string file,
        int batchSize,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();

        // Like ./ledger migrate, reject a file with a syntax error before writing any of its companies.
        await MigrationInputReader.CheckSyntaxAsync(file, cancellationToken);
        var items = MigrationInputReader.ReadAsync(file, progress: null, cancellationToken);
        if (variant.ReadsAhead)
        {
            items = ReadAhead.Buffer(items, 2 * batchSize, cancellationToken);
        }

        var outcomes = variant.Writers > 1
            ? await ParallelTrial.MigrateAsync(store, items, batchSize, variant.Writers, logger, cancellationToken)
            : await MigrateAsync(store, items, batchSize, logger, cancellationToken);
        return (stopwatch.Elapsed, outcomes);
    }

    private static async Task<OutcomeCounts> MigrateAsync(
        IDocumentStore store,
        IAsyncEnumerable<InputItem> items,
        int batchSize,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var runner = new MigrationRunner(store, TimeProvider.System, logger) { BatchSize = batchSize };
        var outcomes = new OutcomeCounts();
        await foreach (var result in runner.RunAsync(items, Actor, cancellationToken))
        {
            outcomes.Add(result.Outcome);
        }

        return outcomes;
    }
}
