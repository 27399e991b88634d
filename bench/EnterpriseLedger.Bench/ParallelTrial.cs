using System.Threading.Channels;
using EnterpriseLedger.Host.Migrations;
using Marten;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Bench;

/// <summary>
/// Migrates with several runners at once, each with its own sessions and connections. Companies are split by id,
/// so that every submission of one company goes to the same runner, in file order. Companies that conflict with
/// each other may be decided in another order than the file's, which a single runner never does.
/// </summary>
internal static class ParallelTrial
{
    public static async Task<OutcomeCounts> MigrateAsync(
        IDocumentStore store,
        IAsyncEnumerable<InputItem> items,
        int batchSize,
        int writers,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var channels = Enumerable.Range(0, writers)
            .Select(_ => Channel.CreateBounded<InputItem>(2 * batchSize))
            .ToArray();
        var outcomes = Enumerable.Range(0, writers).Select(_ => new OutcomeCounts()).ToArray();
        var runs = channels
            .Select((channel, index) => Task.Run(
                () => WriteAsync(store, channel, batchSize, outcomes[index], logger, cancellationToken),
                cancellationToken))
            .ToList();
        runs.Add(DistributeAsync(items, channels, cancellationToken));
        await Task.WhenAll(runs);

        var total = new OutcomeCounts();
        foreach (var counts in outcomes)
        {
            total.Add(counts);
        }

        return total;
    }

    private static async Task DistributeAsync(
        IAsyncEnumerable<InputItem> items, Channel<InputItem>[] channels, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                var index = item.CompanyId is { } id ? (id.GetHashCode() & int.MaxValue) % channels.Length : 0;
                await channels[index].Writer.WriteAsync(item, cancellationToken);
            }
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryComplete();
            }
        }
    }

    private static async Task WriteAsync(
        IDocumentStore store,
        Channel<InputItem> channel,
        int batchSize,
        OutcomeCounts outcomes,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var runner = new MigrationRunner(store, TimeProvider.System, logger) { BatchSize = batchSize };
            var items = channel.Reader.ReadAllAsync(cancellationToken);
            await foreach (var result in runner.RunAsync(items, MigrationTrial.Actor, cancellationToken))
            {
                outcomes.Add(result.Outcome);
            }
        }
        finally
        {
            // A failed runner closes its channel, so that the distributor stops instead of waiting for room.
            channel.Writer.TryComplete();
        }
    }
}
