using System.Text.Json.Nodes;
using Npgsql;

namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>
/// Compares a rebuilt document table with the snapshot of the live one, both in the scratch schema. Documents are
/// matched by id and compared by their <c>data</c> with jsonb equality, which ignores the order of members;
/// Marten's metadata columns (version, last modified, .NET type) are left out.
/// </summary>
internal static class DocumentComparison
{
    public static async Task<ViewComparison> CompareAsync(
        NpgsqlConnection connection,
        string scratchSchema,
        string projection,
        string table,
        int limit,
        CancellationToken cancellationToken)
    {
        var rebuilt = $"\"{scratchSchema}\".\"{table}\"";
        var live = $"\"{scratchSchema}\".\"{LiveSnapshot.LivePrefix}{table}\"";
        var (liveCount, rebuiltCount) = await CountAsync(connection, live, rebuilt, cancellationToken);

        await using var command = new NpgsqlCommand(
            $"""
            select coalesce(rebuilt.id, live.id)::text, live.data::text, rebuilt.data::text
            from {rebuilt} rebuilt full join {live} live on live.id = rebuilt.id
            where live.data is distinct from rebuilt.data
            order by 1
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<DriftKind, long>();
        var listed = new List<DocumentDrift>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var liveData = reader.IsDBNull(1) ? null : reader.GetString(1);
            var rebuiltData = reader.IsDBNull(2) ? null : reader.GetString(2);
            var kind = Classify(liveData, rebuiltData);
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            if (counts[kind] <= limit)
            {
                listed.Add(new DocumentDrift(reader.GetString(0), kind, Fields(kind, liveData, rebuiltData)));
            }
        }

        return new ViewComparison(
            projection, table, liveCount, rebuiltCount, counts.GetValueOrDefault(DriftKind.Missing),
            counts.GetValueOrDefault(DriftKind.Extra), counts.GetValueOrDefault(DriftKind.Changed), listed);
    }

    private static DriftKind Classify(string? live, string? rebuilt)
    {
        if (live is null)
        {
            return DriftKind.Missing;
        }

        return rebuilt is null ? DriftKind.Extra : DriftKind.Changed;
    }

    /// <summary>
    /// Lists the differing fields of a changed document. Only listed documents come here, so that the JSON of the
    /// others is never parsed.
    /// </summary>
    private static IReadOnlyList<FieldDifference> Fields(DriftKind kind, string? live, string? rebuilt) =>
        kind == DriftKind.Changed
            ? JsonDifferences.Between(JsonNode.Parse(live ?? "null"), JsonNode.Parse(rebuilt ?? "null"))
            : [];

    private static async Task<(long Live, long Rebuilt)> CountAsync(
        NpgsqlConnection connection, string live, string rebuilt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select (select count(*) from {live}), (select count(*) from {rebuilt})", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
