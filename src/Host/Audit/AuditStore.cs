using System.Data;
using System.Runtime.CompilerServices;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Audit;
using Npgsql;

namespace EnterpriseLedger.Host.Audit;

/// <summary>One calendar month (UTC) of an account's audit entries, as positions in its chain.</summary>
public sealed record AuditMonth(
    AuditPeriod Period, long Count, long FirstPosition, long LastPosition, DateTimeOffset LastCreatedAt);

/// <summary>Reads the audit tables that <see cref="AuditLogProjection"/> writes.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource)
{
    private const string Entries = $"{LedgerStore.SchemaName}.{AuditTables.Entries}";
    private const string Seals = $"{LedgerStore.SchemaName}.{AuditTables.Seals}";

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Returns the position of the account's last entry, or 0 when it has none.</summary>
    public async Task<long> LastPositionAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select coalesce(max(position), 0) from {Entries} where account_id = $1");
        command.Parameters.AddWithValue(accountId);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    /// <summary>Lists the months that contain entries up to <paramref name="upToPosition"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditMonth>> MonthsAsync(
        Guid accountId, long upToPosition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select to_char(created_at at time zone 'UTC', 'YYYY-MM'), count(*), min(position), max(position),
                max(created_at)
            from {Entries}
            where account_id = $1 and position <= $2
            group by 1
            order by 1
            """);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(upToPosition);
        var months = new List<AuditMonth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            months.Add(new AuditMonth(
                AuditPeriod.Parse(reader.GetString(0)),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return months;
    }

    /// <summary>Returns the id and hashes of the entries at the given positions, keyed by position.</summary>
    public async Task<IReadOnlyDictionary<long, (Guid Id, byte[] PreviousHash, byte[] Hash)>> LinksAsync(
        Guid accountId, IReadOnlyCollection<long> positions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select position, id, previous_hash, hash from {Entries} where account_id = $1 and position = any($2)");
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(positions.ToArray());
        var links = new Dictionary<long, (Guid, byte[], byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            links[reader.GetInt64(0)] =
                (reader.GetGuid(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3));
        }

        return links;
    }

    /// <summary>Streams the entries from <paramref name="first"/> to <paramref name="last"/> in chain order.</summary>
    public async IAsyncEnumerable<AuditEntryRow> ReadAsync(
        Guid accountId, long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = RangeCommand("position, body, previous_hash, hash", accountId, first, last);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditEntryRow(
                reader.GetInt64(0),
                reader.GetString(1),
                await reader.GetFieldValueAsync<byte[]>(2, cancellationToken),
                await reader.GetFieldValueAsync<byte[]>(3, cancellationToken));
        }
    }

    /// <summary>
    /// Streams the entries' positions, ids, hashes and bodies in chain order with one binary COPY. A body comes as
    /// its stored UTF-8 bytes (the binary form of text), never decoded into a string, which keeps archives fast.
    /// </summary>
    public async IAsyncEnumerable<AuditRawEntry> ReadRawAsync(
        Guid accountId, long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // COPY takes no parameters, so the values are formatted here. They are a Guid and two numbers, never user text.
        var copy = $"copy (select position, id, hash, body from {Entries} where account_id = '{accountId}' "
            + $"and position between {first} and {last} order by position) to stdout (format binary)";
        await using var exporter = await connection.BeginBinaryExportAsync(copy, cancellationToken);
        while (await exporter.StartRowAsync(cancellationToken) != -1)
        {
            yield return new AuditRawEntry(
                await exporter.ReadAsync<long>(cancellationToken),
                await exporter.ReadAsync<Guid>(cancellationToken),
                await exporter.ReadAsync<byte[]>(NpgsqlTypes.NpgsqlDbType.Bytea, cancellationToken),
                await exporter.ReadAsync<byte[]>(NpgsqlTypes.NpgsqlDbType.Bytea, cancellationToken));
        }
    }

    private NpgsqlCommand RangeCommand(string columns, Guid accountId, long first, long last)
    {
        var command = dataSource.CreateCommand(
            $"select {columns} from {Entries} where account_id = $1 and position between $2 and $3 order by position");
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(first);
        command.Parameters.AddWithValue(last);
        return command;
    }

    /// <summary>Returns the stored seal of an account's month, if any.</summary>
    public async Task<AuditSeal?> SealAsync(Guid accountId, AuditPeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select digest, signature, checksum, size from {Seals} where account_id = $1 and period = $2");
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(period.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AuditSeal(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    /// <summary>Stores the seal of an account's month, replacing the one of an earlier state of the month.</summary>
    public async Task SaveSealAsync(
        Guid accountId, AuditPeriod period, long lastPosition, AuditSeal seal, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into {Seals} (account_id, period, last_position, digest, signature, checksum, size)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (account_id, period) do update set last_position = excluded.last_position,
                digest = excluded.digest, signature = excluded.signature, checksum = excluded.checksum,
                size = excluded.size
            """);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(period.ToString());
        command.Parameters.AddWithValue(lastPosition);
        command.Parameters.AddWithValue(seal.Digest);
        command.Parameters.AddWithValue(seal.Signature);
        command.Parameters.AddWithValue((object?)seal.Checksum ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)seal.Size ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>An entry as archives read it: the body is its canonical JSON as stored, in UTF-8.</summary>
public sealed record AuditRawEntry(long Position, Guid Id, byte[] Hash, byte[] Body);

/// <summary>
/// A month's signed digest, both as canonical JSON, with the checksum and size of the archive they produced
/// once it was written in full.
/// </summary>
public sealed record AuditSeal(string Digest, string Signature, string? Checksum, long? Size);
