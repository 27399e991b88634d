using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Migrations;
using Marten;

namespace EnterpriseLedger.Bench;

/// <summary>
/// Times, without a database, the ledger's own client-side steps of a first migration of the file, each step
/// alone. Marten's work on the client (applying projections, building commands) is not among them.
/// </summary>
internal static class ClientSteps
{
    public static async Task<IReadOnlyList<(string Step, TimeSpan Median)>> MeasureAsync(
        string file, IDocumentStore store, int runs, CancellationToken cancellationToken)
    {
        var syntax = new List<TimeSpan>();
        var parse = new List<TimeSpan>();
        var decide = new List<TimeSpan>();
        var serialize = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            syntax.Add(await TimeAsync(() => MigrationInputReader.CheckSyntaxAsync(file, cancellationToken)));

            var stopwatch = Stopwatch.StartNew();
            var items = await ReadAllAsync(file, cancellationToken);
            parse.Add(stopwatch.Elapsed);

            stopwatch.Restart();
            var events = Decide(items);
            decide.Add(stopwatch.Elapsed);

            stopwatch.Restart();
            Serialize(store.Options.Serializer(), events);
            serialize.Add(stopwatch.Elapsed);
        }

        return
        [
            ("syntax check (a first pass over the file)", Statistics.Median(syntax)),
            ("read and parse into companies", Statistics.Median(parse)),
            ("validate, hash and decide", Statistics.Median(decide)),
            ("serialize the events to JSON", Statistics.Median(serialize)),
        ];
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> step)
    {
        var stopwatch = Stopwatch.StartNew();
        await step();
        return stopwatch.Elapsed;
    }

    private static async Task<List<InputItem>> ReadAllAsync(string file, CancellationToken cancellationToken)
    {
        var items = new List<InputItem>();
        await foreach (var item in MigrationInputReader.ReadAsync(file, progress: null, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Decides each company as a first run would, with no earlier migration, and returns the events.</summary>
    private static List<object> Decide(List<InputItem> items)
    {
        var actor = new Actor(MigrationTrial.Actor, null, DateTimeOffset.UtcNow);
        var events = new List<object>();
        foreach (var item in items)
        {
            if (item.Input is null || CompanyValidator.Validate(item.Input).Company is not { } company)
            {
                continue;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.RawJson)));
            var request = new MigrationRequest(item.RawJson, hash, Guid.CreateVersion7(actor.At), actor);
            var decision = MigrationPolicy.Decide(company, null, request);
            events.AddRange(decision.Appends.SelectMany(append => append.Events));
        }

        return events;
    }

    private static void Serialize(ISerializer serializer, List<object> events)
    {
        foreach (var @event in events)
        {
            _ = serializer.ToJson(@event);
        }
    }
}
