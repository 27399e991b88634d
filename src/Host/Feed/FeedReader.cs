using System.Text.Json;
using EnterpriseLedger.Host.Hosting;
using Npgsql;

namespace EnterpriseLedger.Host.Feed;

/// <summary>
/// A subscriber's request to the feed: events after its checkpoint, optionally of some types or of one account.
/// </summary>
public sealed record FeedQuery(long After, int Limit, IReadOnlyList<string> Types, Guid? Account);

/// <summary>
/// A page of the feed. <see cref="Checkpoint"/> is where the next request starts (<c>after</c>): the last event's
/// sequence, or further when the feed looked at events that the filters left out.
/// </summary>
public sealed record FeedPage(IReadOnlyList<EventEnvelope> Events, long Checkpoint);

/// <summary>
/// Reads the global event feed in sequence order without ever skipping an event that commits late. Sequence numbers
/// are taken when an append runs but become visible when its transaction commits, so a later number can be visible
/// before an earlier one. The feed therefore serves only up to its <em>safe point</em>: the highest sequence below
/// which every number is either visible or proven unused (its transaction rolled back).
/// </summary>
public sealed class FeedReader(NpgsqlDataSource dataSource, FeedGaps gaps, EventContract contract)
{
    /// <summary>How far past the checkpoint one request looks for the safe point.</summary>
    private const int ScanWindow = 5000;

    private const string Events = $"{LedgerStore.SchemaName}.mt_events";

    /// <summary>Returns the highest sequence number taken so far, committed or not, or 0 for an empty store.</summary>
    public async Task<long> NewestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select last_value from {LedgerStore.SchemaName}.mt_events_sequence");
        return await command.ExecuteScalarAsync(cancellationToken) is long newest ? newest : 0;
    }

    public async Task<FeedPage> ReadAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        var safePoint = await SafePointAsync(query.After, cancellationToken);
        if (safePoint <= query.After)
        {
            return new FeedPage([], query.After);
        }

        var events = await ReadRangeAsync(query, safePoint, cancellationToken);
        var checkpoint = events.Count == query.Limit ? events[^1].Sequence : safePoint;
        return new FeedPage(events, checkpoint);
    }

    /// <summary>
    /// Returns the highest sequence up to which the feed may serve. A hole is proven unused when no transaction that
    /// began before the hole was first seen is still open with writes or still running. The transaction that took
    /// the number had begun by then, because a later number was already committed.
    /// </summary>
    public async Task<long> SafePointAsync(long after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select array(select seq_id from {Events} where seq_id > $1 order by seq_id limit $2),
                statement_timestamp()
            """);
        command.Parameters.AddWithValue(after);
        command.Parameters.AddWithValue(ScanWindow);
        long[] visible;
        DateTimeOffset now;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            visible = reader.GetFieldValue<long[]>(0);
            now = reader.GetFieldValue<DateTimeOffset>(1);
        }

        var safe = after;
        foreach (var sequence in visible)
        {
            for (var missing = safe + 1; missing < sequence; missing++)
            {
                if (!await IsUnusedAsync(missing, now, cancellationToken))
                {
                    return safe;
                }

                safe = missing;
            }

            gaps.MarkFilled(sequence);
            safe = sequence;
        }

        return safe;
    }

    private async Task<bool> IsUnusedAsync(long sequence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (gaps.IsKnownUnused(sequence))
        {
            return true;
        }

        var firstSeen = gaps.FirstSeen(sequence, now);
        await using var command = dataSource.CreateCommand("""
            select not exists (
                select 1 from pg_stat_activity
                where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
                    and xact_start <= $1 and (backend_xid is not null or state = 'active'))
                and not exists (select 1 from ledger.mt_events where seq_id = $2)
            """);
        command.Parameters.AddWithValue(firstSeen);
        command.Parameters.AddWithValue(sequence);
        var unused = await command.ExecuteScalarAsync(cancellationToken) is true;
        if (unused)
        {
            gaps.MarkUnused(sequence);
        }

        return unused;
    }

    private async Task<List<EventEnvelope>> ReadRangeAsync(
        FeedQuery query, long safePoint, CancellationToken cancellationToken)
    {
        var sql = $"""
            select seq_id, id, stream_id, version, type, timestamp, correlation_id, causation_id, data
            from {Events}
            where seq_id > $1 and seq_id <= $2
                and type = any($3)
                and ($4::uuid is null or stream_id = $4 or data ->> 'account_id' = $4::text)
            order by seq_id
            limit $5
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(query.After);
        command.Parameters.AddWithValue(safePoint);
        var publicNames = query.Types.Count == 0 ? EventContract.PublicNames : query.Types;
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = publicNames.Select(contract.StoredName).ToArray(),
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = (object?)query.Account ?? DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid,
        });
        command.Parameters.AddWithValue(query.Limit);

        var events = new List<EventEnvelope>(Math.Min(query.Limit, 1000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var storedName = reader.GetString(4);
            var data = contract.ToWire(storedName, reader.GetString(8));
            events.Add(new EventEnvelope(
                reader.GetGuid(1),
                contract.PublicName(storedName),
                contract.VersionOf(storedName),
                reader.GetInt64(0),
                reader.GetGuid(2),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(5),
                ActorOf(data),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                data));
        }

        return events;
    }

    private static EnvelopeActor? ActorOf(JsonElement data) =>
        data.TryGetProperty("actor", out var actor) && actor.TryGetProperty("id", out var id)
            ? new EnvelopeActor(
                id.GetString() ?? "",
                actor.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String
                    ? email.GetString()
                    : null)
            : null;
}
