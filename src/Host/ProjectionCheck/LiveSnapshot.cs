using System.Data;
using Npgsql;

namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>
/// Copies the live schema's streams, events and documents into the scratch schema in one repeatable-read
/// transaction. Inline projections commit with their events, so the copied events and documents are from the same
/// moment even while the ledger keeps writing.
/// </summary>
internal static class LiveSnapshot
{
    public const string LivePrefix = "live_";

    private const string EventsTable = "mt_events";
    private const string StreamsTable = "mt_streams";
    private const string SequenceColumn = "seq_id";

    /// <summary>Copies the snapshot and returns the number of events copied.</summary>
    /// <param name="documentTables">
    /// Unqualified names of the document tables; each live table is copied as <c>live_</c> and its name.
    /// </param>
    public static async Task<long> CopyAsync(
        NpgsqlConnection connection,
        string liveSchema,
        string scratchSchema,
        IEnumerable<string> documentTables,
        CancellationToken cancellationToken)
    {
        await using var transaction =
            await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var tables = new SchemaPair(connection, liveSchema, scratchSchema);

        await CopyStreamsAsync(tables, cancellationToken);
        var events = await CopyEventsAsync(tables, cancellationToken);
        foreach (var table in documentTables)
        {
            await CopyDocumentsAsync(tables, table, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return events;
    }

    private static async Task CopyStreamsAsync(SchemaPair tables, CancellationToken cancellationToken)
    {
        var columns = await tables.SharedColumnsAsync(StreamsTable, cancellationToken);
        if (columns.Count > 0)
        {
            var list = string.Join(", ", columns);
            await tables.ExecuteAsync(
                $"insert into {tables.Scratch(StreamsTable)} ({list}) select {list} from {tables.Live(StreamsTable)}",
                cancellationToken);
        }
    }

    /// <summary>
    /// Copies the events in their order, numbered again from 1. Rolled-back appends leave holes in the live
    /// sequence, and the daemon that rebuilds in the scratch schema would wait at each hole for a writer that
    /// never comes. The projections depend on the order of the events, not on their sequence numbers.
    /// </summary>
    private static async Task<long> CopyEventsAsync(SchemaPair tables, CancellationToken cancellationToken)
    {
        var columns = await tables.SharedColumnsAsync(EventsTable, cancellationToken);
        if (columns.Count == 0)
        {
            return 0;
        }

        var others = string.Join(", ", columns.Where(column => column != Quote(SequenceColumn)));
        var copied = await tables.ExecuteAsync(
            $"""
            insert into {tables.Scratch(EventsTable)} ({SequenceColumn}, {others})
            select row_number() over (order by {SequenceColumn}), {others} from {tables.Live(EventsTable)}
            """,
            cancellationToken);

        // setval with is_called = false makes the next value 1, for a store without events.
        await tables.ExecuteAsync(
            $"select setval('{tables.Scratch("mt_events_sequence")}', greatest({copied}, 1), {copied} > 0)",
            cancellationToken);
        return copied;
    }

    private static async Task CopyDocumentsAsync(SchemaPair tables, string table, CancellationToken cancellationToken)
    {
        // A view that never received a document has no live table yet, and compares as an empty one.
        var source = await tables.LiveTableExistsAsync(table, cancellationToken)
            ? $"select id, data from {tables.Live(table)}"
            : $"select id, data from {tables.Scratch(table)} with no data";
        await tables.ExecuteAsync($"create table {tables.Scratch(LivePrefix + table)} as {source}", cancellationToken);
    }

    private static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The live and the scratch schema, read and written on one connection.</summary>
    private sealed class SchemaPair(NpgsqlConnection connection, string liveSchema, string scratchSchema)
    {
        public string Live(string table) => $"{Quote(liveSchema)}.{Quote(table)}";

        public string Scratch(string table) => $"{Quote(scratchSchema)}.{Quote(table)}";

        public async Task<bool> LiveTableExistsAsync(string table, CancellationToken cancellationToken) =>
            (await ColumnsAsync(liveSchema, table, cancellationToken)).Count > 0;

        /// <summary>
        /// Returns the scratch table's columns that the live table also has, quoted, in the scratch table's order.
        /// A live table written by another Marten version may lack a column or have one more. A column that the live
        /// table lacks gets its default, and the copy fails with PostgreSQL's message when the column is required.
        /// </summary>
        public async Task<List<string>> SharedColumnsAsync(string table, CancellationToken cancellationToken)
        {
            var live = await ColumnsAsync(liveSchema, table, cancellationToken);
            var scratch = await ColumnsAsync(scratchSchema, table, cancellationToken);
            return scratch.Where(live.Contains).Select(Quote).ToList();
        }

        public async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private async Task<List<string>> ColumnsAsync(string schema, string table, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(
                """
                select column_name from information_schema.columns
                where table_schema = $1 and table_name = $2 order by ordinal_position
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            command.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var columns = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(reader.GetString(0));
            }

            return columns;
        }
    }
}
