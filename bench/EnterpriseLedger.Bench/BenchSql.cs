using System.Globalization;
using EnterpriseLedger.Host.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.Bench;

/// <summary>The plain SQL the benchmark runs besides the migration: counts, checkpoints, guards and clean-up.</summary>
internal sealed class BenchSql(NpgsqlDataSource dataSource, ILogger logger)
{
    private bool _checkpointRejected;

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken) =>
        await ScalarAsync<string>("show server_version", cancellationToken);

    public async Task<long> CountEventsAsync(string schemaName, CancellationToken cancellationToken) =>
        await ScalarAsync<long>($"select count(*) from {schemaName}.mt_events", cancellationToken);

    /// <summary>
    /// Throws unless the ledger's schema has no events or resetting it was allowed, because every run deletes all
    /// ledger data in the database.
    /// </summary>
    public async Task EnsureResettableAsync(bool allowed, CancellationToken cancellationToken)
    {
        var table = LedgerStore.SchemaName + ".mt_events";
        var exists = await ScalarAsync<bool>($"select to_regclass('{table}') is not null", cancellationToken);
        if (allowed || !exists || await CountEventsAsync(LedgerStore.SchemaName, cancellationToken) == 0)
        {
            return;
        }

        throw new BenchUsageException(
            $"{table} in the database of ConnectionStrings__Ledger contains events, and every run deletes all " +
            "ledger data. Use an empty database, or pass --allow-reset to delete them.");
    }

    /// <summary>
    /// Writes dirty pages out, so that every timed step starts with no checkpoint pending from the one before.
    /// Needs a superuser or the pg_checkpoint role; without one, runs go on without it.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (_checkpointRejected)
        {
            return;
        }

        try
        {
            await ExecuteAsync("checkpoint", cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            _checkpointRejected = true;
            BenchLog.CheckpointRejected(logger, error.MessageText);
        }
    }

    public async Task DropSchemaAsync(string schemaName, CancellationToken cancellationToken) =>
        await ExecuteAsync($"drop schema if exists {schemaName} cascade", cancellationToken);

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return (T)Convert.ChangeType(value ?? throw new InvalidOperationException($"No value for: {sql}"),
            typeof(T), CultureInfo.InvariantCulture);
    }
}
