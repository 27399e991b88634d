using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace EnterpriseLedger.Bench;

/// <summary>
/// The baseline: the events a migration wrote, read back into memory and written again with one binary COPY into
/// a scratch table with the columns, constraints and indexes of Marten's <c>mt_events</c>: the same rows and JSON
/// as the migration wrote, without its reads, stream rows, projections or one statement per event.
/// </summary>
internal sealed class CopyBaseline(NpgsqlDataSource dataSource)
{
    public const string SchemaName = "bench_copy";
    private const string Table = SchemaName + ".mt_events";
    private const int WarmUpRows = 1_000;

    private const string Columns = "seq_id, id, stream_id, version, data, type, timestamp, tenant_id, " +
        "mt_dotnet_type, correlation_id, causation_id, headers, is_archived";

    // The JSON columns as text, to write them back with the same bytes.
    private const string SelectedColumns = "seq_id, id, stream_id, version, data::text, type, timestamp, " +
        "tenant_id, mt_dotnet_type, correlation_id, causation_id, headers::text, is_archived";

    private List<EventRow> _rows = [];

    public bool IsLoaded => _rows.Count > 0;

    public int RowCount => _rows.Count;

    /// <summary>
    /// Reads the events of <paramref name="sourceSchema"/> into memory and creates an empty table shaped like theirs.
    /// </summary>
    public async Task LoadAsync(string sourceSchema, CancellationToken cancellationToken)
    {
        _rows = await ReadRowsAsync(sourceSchema, cancellationToken);
        await using var command = dataSource.CreateCommand(
            $"""
            drop schema if exists {SchemaName} cascade;
            create schema {SchemaName};
            create table {Table} (like {sourceSchema}.mt_events including constraints including indexes);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);

        // The first COPY also compiles the import path; that time belongs to no run.
        await CopyAsync(_rows.Take(WarmUpRows), cancellationToken);
    }

    /// <summary>Empties the scratch table, then times one COPY of every row.</summary>
    public async Task<TimeSpan> TimeCopyAsync(CancellationToken cancellationToken)
    {
        await using (var truncate = dataSource.CreateCommand($"truncate {Table}"))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }

        var stopwatch = Stopwatch.StartNew();
        await CopyAsync(_rows, cancellationToken);
        return stopwatch.Elapsed;
    }

    private async Task CopyAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var importer = connection.BeginBinaryImport($"copy {Table} ({Columns}) from stdin (format binary)");
        foreach (var row in rows)
        {
            WriteRow(importer, row);
        }

        importer.Complete();
    }

    private static void WriteRow(NpgsqlBinaryImporter importer, EventRow row)
    {
        importer.StartRow();
        importer.Write(row.SeqId, NpgsqlDbType.Bigint);
        importer.Write(row.Id, NpgsqlDbType.Uuid);
        importer.Write(row.StreamId, NpgsqlDbType.Uuid);
        importer.Write(row.Version, NpgsqlDbType.Bigint);
        importer.Write(row.Data, NpgsqlDbType.Jsonb);
        importer.Write(row.Type, NpgsqlDbType.Varchar);
        importer.Write(row.Timestamp, NpgsqlDbType.TimestampTz);
        importer.Write(row.TenantId, NpgsqlDbType.Varchar);
        WriteNullable(importer, row.DotnetType, NpgsqlDbType.Varchar);
        WriteNullable(importer, row.CorrelationId, NpgsqlDbType.Varchar);
        WriteNullable(importer, row.CausationId, NpgsqlDbType.Varchar);
        WriteNullable(importer, row.Headers, NpgsqlDbType.Jsonb);
        importer.Write(row.IsArchived, NpgsqlDbType.Boolean);
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private async Task<List<EventRow>> ReadRowsAsync(string schemaName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {SelectedColumns} from {schemaName}.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<EventRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EventRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTime>(6), reader.GetString(7), NullableString(reader, 8),
                NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11),
                reader.GetBoolean(12)));
        }

        return rows;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record EventRow(
        long SeqId,
        Guid Id,
        Guid StreamId,
        long Version,
        string Data,
        string Type,
        DateTime Timestamp,
        string TenantId,
        string? DotnetType,
        string? CorrelationId,
        string? CausationId,
        string? Headers,
        bool IsArchived);
}
