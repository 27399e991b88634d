using System.Text.Json;
using EnterpriseLedger.Host.Feed;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Host.Samples;
using Npgsql;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>An event as committed in <c>mt_events</c>, which the feed and the broker are checked against.</summary>
public sealed record CommittedEvent(Guid Id, string Type, Guid Stream, long StreamVersion, long Sequence);

/// <summary>A received event reduced to what the order checks need.</summary>
public sealed record ReceivedEvent(Guid Id, Guid Stream, long StreamVersion)
{
    public static ReceivedEvent From(JsonElement envelope) => new(
        envelope.GetProperty("id").GetGuid(),
        envelope.GetProperty("stream").GetGuid(),
        envelope.GetProperty("stream_version").GetInt64());
}

public static class CommittedEvents
{
    /// <summary>Reads every committed event of a public type, in sequence order.</summary>
    public static async Task<List<CommittedEvent>> ReadAsync(string connectionString)
    {
        var contract = new EventContract();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select id, type, stream_id, version, seq_id from {LedgerStore.SchemaName}.mt_events
            where type = any($1) order by seq_id
            """, connection);
        command.Parameters.AddWithValue(EventContract.PublicNames.Select(contract.StoredName).ToArray());

        var events = new List<CommittedEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(new CommittedEvent(reader.GetGuid(0), contract.PublicName(reader.GetString(1)),
                reader.GetGuid(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return events;
    }

    /// <summary>Counts the committed events of a public type.</summary>
    public static async Task<long> CountAsync(string connectionString)
    {
        var contract = new EventContract();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from {LedgerStore.SchemaName}.mt_events where type = any($1)", connection);
        command.Parameters.AddWithValue(EventContract.PublicNames.Select(contract.StoredName).ToArray());
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    /// <summary>Returns the first arrival of each event id, as a de-duplicating consumer would.</summary>
    public static List<ReceivedEvent> FirstArrivals(IEnumerable<ReceivedEvent> received)
    {
        var seen = new HashSet<Guid>();
        return received.Where(received => seen.Add(received.Id)).ToList();
    }

    /// <summary>Returns the streams whose events arrived out of stream version order, with the versions.</summary>
    public static List<string> OutOfOrderStreams(IEnumerable<ReceivedEvent> firstArrivals) =>
        firstArrivals
            .GroupBy(received => received.Stream)
            .Where(stream => !stream.Zip(stream.Skip(1)).All(
                pair => pair.First.StreamVersion < pair.Second.StreamVersion))
            .Select(stream => $"{stream.Key}: {string.Join(", ", stream.Select(received => received.StreamVersion))}")
            .ToList();

    /// <summary>Writes generated companies as NDJSON to a temporary file, for the migration runner.</summary>
    public static async Task<string> WriteSamplesAsync(int companies, int seed, int skip = 0)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ledger-broker-").FullName, "companies.ndjson");
        await using var file = File.Create(path);
        await SampleWriter.WriteNdjsonAsync(SampleGenerator.Generate(skip + companies, seed).Skip(skip), file);
        return path;
    }
}
