using System.Diagnostics;
using System.Text;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Audit;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace EnterpriseLedger.AuditBench;

/// <summary>What seeding an account wrote, and how long it took.</summary>
internal sealed record SeedResult(long Entries, long BodyBytes, DateTimeOffset FirstAt, DateTimeOffset LastAt,
    TimeSpan Elapsed);

/// <summary>
/// Appends generated entries to an account's chain after its real ones, with one binary COPY into
/// <c>audit_entries</c> and an update of <c>audit_heads</c>, in one transaction that holds the head's row lock,
/// as the ledger's own writers do.
/// </summary>
internal sealed class ChainSeeder(NpgsqlDataSource dataSource, ILogger logger)
{
    private const string Entries = $"{LedgerStore.SchemaName}.{AuditTables.Entries}";
    private const string Heads = $"{LedgerStore.SchemaName}.{AuditTables.Heads}";
    private const int ProgressEvery = 100_000;

    public async Task<SeedResult> SeedAsync(BenchAccount account, int count, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var head = await LockHeadAsync(connection, account, cancellationToken);

        var times = new EntryTimes(head.CreatedAt, count);
        var generator = new EntryGenerator(account);
        var link = head;
        long bodyBytes = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken))
        {
            for (var index = 1; index <= count; index++)
            {
                var createdAt = times.At(index);
                var entry = generator.Next(createdAt);
                var body = Encoding.UTF8.GetBytes(entry.Body);
                link = new ChainLink(link.Position + 1, link.Hash, AuditChain.Next(link.Hash, body), createdAt);
                await WriteRowAsync(importer, account.Id, entry, link, cancellationToken);
                bodyBytes += body.Length;
                if (index % ProgressEvery == 0)
                {
                    BenchLog.SeedProgress(logger, account.Name, index, count);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await MoveHeadAsync(connection, account, link, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedResult(count, bodyBytes, times.At(1), link.CreatedAt, stopwatch.Elapsed);
    }

    /// <summary>
    /// Sets hint bits and the visibility map, and writes statistics and dirty pages out, so that the first timed
    /// read does not pay for what the bulk load left behind.
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        await using var vacuum = dataSource.CreateCommand($"vacuum (analyze) {Entries}");
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
        await using var checkpoint = dataSource.CreateCommand("checkpoint");
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string CopyCommand =>
        $"copy {Entries} (account_id, position, id, type, action, actor, team_id, team_name, created_at, body, "
        + "previous_hash, hash) from stdin (format binary)";

    private static async Task<ChainLink> LockHeadAsync(
        NpgsqlConnection connection, BenchAccount account, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select position, hash, created_at from {Heads} where account_id = $1 for update", connection);
        command.Parameters.AddWithValue(account.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new AuditBenchException($"{account.Name} has no audit chain head after its migration.");
        }

        return new ChainLink(
            reader.GetInt64(0), [], reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    private static async Task WriteRowAsync(
        NpgsqlBinaryImporter importer, Guid accountId, GeneratedEntry entry, ChainLink link,
        CancellationToken cancellationToken)
    {
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(accountId, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(link.Position, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(entry.Id, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(entry.Type, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(entry.Action, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(entry.Actor, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteNullAsync(cancellationToken);
        await importer.WriteNullAsync(cancellationToken);
        await importer.WriteAsync(link.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(entry.Body, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(link.PreviousHash, NpgsqlDbType.Bytea, cancellationToken);
        await importer.WriteAsync(link.Hash, NpgsqlDbType.Bytea, cancellationToken);
    }

    private static async Task MoveHeadAsync(
        NpgsqlConnection connection, BenchAccount account, ChainLink link, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"update {Heads} set position = $2, previous_hash = $3, hash = $4, created_at = $5 where account_id = $1",
            connection);
        command.Parameters.AddWithValue(account.Id);
        command.Parameters.AddWithValue(link.Position);
        command.Parameters.AddWithValue(link.PreviousHash);
        command.Parameters.AddWithValue(link.Hash);
        command.Parameters.AddWithValue(link.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One entry's place in the chain.</summary>
    private sealed record ChainLink(long Position, byte[] PreviousHash, byte[] Hash, DateTimeOffset CreatedAt);
}
