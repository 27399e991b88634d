using System.Diagnostics;
using System.Globalization;
using EnterpriseLedger.Host.Hosting;
using Marten;
using Npgsql;

namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>
/// Rebuilds document projections from a snapshot of the live events in a scratch schema, and compares the
/// rebuilt documents with the live ones of the same snapshot. The live schema is only read. The scratch schema is
/// dropped at the end, also when the check fails or is cancelled; only a killed process leaves it behind.
/// </summary>
/// <param name="progress">Receives a line per step, for standard error.</param>
public sealed class ProjectionChecker(string connectionString, TextWriter progress)
{
    // Marten stops a rebuild shard after this timeout. Its default of 5 minutes is too short for a large store,
    // and a check that takes too long is cancelled with Ctrl+C instead.
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromHours(24);

    /// <param name="limit">The maximum number of documents of each kind of drift to list per table.</param>
    public async Task<IReadOnlyList<ViewComparison>> CheckAsync(
        IReadOnlyList<CheckedProjection> projections, int limit, CancellationToken cancellationToken)
    {
        var schema = ScratchStore.NewSchemaName();
        await progress.WriteLineAsync($"Rebuilding in the scratch schema {schema}, dropped at the end.");
        try
        {
            return await CheckInAsync(schema, projections, limit, cancellationToken);
        }
        finally
        {
            await DropAsync(schema);
        }
    }

    private async Task<IReadOnlyList<ViewComparison>> CheckInAsync(
        string schema, IReadOnlyList<CheckedProjection> projections, int limit, CancellationToken cancellationToken)
    {
        await using var store = ScratchStore.Create(connectionString, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var tables = projections.ToDictionary(
            projection => projection,
            projection => projection.DocumentTypes.Select(type => TableOf(store, type)).ToList());

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var events = await LiveSnapshot.CopyAsync(
            connection, LedgerStore.SchemaName, schema, tables.Values.SelectMany(names => names), cancellationToken);
        await progress.WriteLineAsync(Format($"Copied {events:N0} events and the live documents."));

        using var daemon = await store.BuildProjectionDaemonAsync();
        var comparisons = new List<ViewComparison>();
        foreach (var projection in projections)
        {
            var stopwatch = Stopwatch.StartNew();

            // Marten's rebuild takes the token only before it starts replaying, so WaitAsync returns on Ctrl+C.
            // NOTE: the replay itself runs on until it fails on the dropped schema or the process exits.
            await daemon.RebuildProjectionAsync(projection.Name, RebuildTimeout, cancellationToken)
                .WaitAsync(cancellationToken);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            await progress.WriteLineAsync(Format($"Rebuilt {projection.Name} in {seconds:F1} s."));

            foreach (var table in tables[projection])
            {
                comparisons.Add(await DocumentComparison.CompareAsync(
                    connection, schema, projection.Name, table, limit, cancellationToken));
            }
        }

        return comparisons;
    }

    private static string TableOf(DocumentStore store, Type documentType) =>
        ((IReadOnlyStoreOptions)store.Options).FindOrResolveDocumentType(documentType).TableName.Name;

    /// <summary>Drops the scratch schema without the cancelled token, so that Ctrl+C still cleans up.</summary>
    private async Task DropAsync(string schema)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException error)
        {
            // Reported rather than thrown, so that it does not hide the error that ended the check.
            await progress.WriteLineAsync(
                $"Could not drop the scratch schema {schema}: {error.Message}. "
                + $"Drop it with: drop schema {schema} cascade;");
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
