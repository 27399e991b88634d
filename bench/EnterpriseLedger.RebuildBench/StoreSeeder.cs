using System.Diagnostics;
using EnterpriseLedger.Domain.Migrations;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// Fills the event store with Marten's bulk event import, one binary COPY per chunk and one transaction per chunk.
/// The import runs no projection, so the views are empty until they are rebuilt.
/// </summary>
internal sealed class StoreSeeder(DocumentStore store, ILogger logger)
{
    private const int ChunkEvents = 50_000;
    private const int CopyBatchSize = 10_000;

    public async Task<SeedResult> SeedAsync(
        RebuildBenchOptions options, Guid longStreamId, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var generator = new CompanyEvents(options.Seed, start);
        var stopwatch = Stopwatch.StartNew();
        long events = 0;
        long streams = 0;
        foreach (var chunk in generator.Generate(options.Events - options.StreamEvents, ChunkEvents))
        {
            (events, streams) = Add(await InsertAsync(chunk, cancellationToken), events, streams);
            BenchLog.Seeded(logger, events, stopwatch.Elapsed.TotalSeconds);
        }

        var longStream = LongStream.Build(longStreamId, options.StreamEvents, start.AddYears(-1));
        (events, streams) = Add(await InsertAsync([longStream], cancellationToken), events, streams);
        return new SeedResult(events, streams, generator.Companies, generator.SkippedCompanies, generator.Tokens,
            stopwatch.Elapsed);
    }

    private async Task<(long Events, long Streams)> InsertAsync(
        List<StreamAppend> appends, CancellationToken cancellationToken)
    {
        var actions = appends
            .Select(append => StreamAction.Start(store.Events, append.StreamId, append.Events.ToArray()))
            .ToList();
        await store.BulkInsertEventsAsync(actions, CopyBatchSize, cancellationToken);
        return (actions.Sum(action => (long)action.Events.Count), actions.Count);
    }

    private static (long, long) Add((long Events, long Streams) added, long events, long streams) =>
        (events + added.Events, streams + added.Streams);
}

internal sealed record SeedResult(
    long Events, long Streams, int Companies, int SkippedCompanies, int Tokens, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
