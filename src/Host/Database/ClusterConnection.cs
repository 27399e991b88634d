using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Connections that check the embedded server is ready and that the ledger database exists.
/// </summary>
internal static class ClusterConnection
{
    public const string LedgerDatabase = "ledger";

    // Every cluster has this database, so it is reachable before the ledger database exists.
    private const string MaintenanceDatabase = "postgres";

    private const string DatabaseExistsSql = "select exists (select 1 from pg_database where datname = $1)";
    private const string CreateDatabaseSql = $"create database {LedgerDatabase}";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until the server accepts a login, then creates the ledger database if it is missing.
    /// </summary>
    /// <param name="describeServerLog">Returns the server log tail for the error message.</param>
    /// <exception cref="EmbeddedPostgresException">
    /// The server rejected the login, or did not accept connections within 30 seconds.
    /// </exception>
    public static async Task EnsureReadyAsync(
        ClusterCredentials credentials,
        Func<string> describeServerLog,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var connectionString = credentials.ConnectionString(MaintenanceDatabase, pooling: false);
        await using var connection =
            await OpenWhenReadyAsync(connectionString, credentials.Port, describeServerLog, cancellationToken);

        if (await CreateLedgerDatabaseIfMissingAsync(connection, cancellationToken))
        {
            EmbeddedPostgresLog.CreatedDatabase(logger, LedgerDatabase);
        }
    }

    private static async Task<NpgsqlConnection> OpenWhenReadyAsync(
        string connectionString, int port, Func<string> describeServerLog, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (NpgsqlException exception)
            {
                await connection.DisposeAsync();
                ThrowUnlessWorthRetrying(exception, port, stopwatch.Elapsed, describeServerLog);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    // A refused connection or "the database system is starting up" (57P03) passes with time. A rejected password,
    // or another server that took the port, returns the same error however long this waits.
    private static void ThrowUnlessWorthRetrying(
        NpgsqlException exception, int port, TimeSpan elapsed, Func<string> describeServerLog)
    {
        if (exception is PostgresException { SqlState: not PostgresErrorCodes.CannotConnectNow })
        {
            throw new EmbeddedPostgresException(
                $"The PostgreSQL server on 127.0.0.1:{port} rejected the connection: {exception.Message}. "
                + "If another server listens on that port, stop it." + Environment.NewLine + describeServerLog(),
                exception);
        }

        if (elapsed >= ReadyTimeout)
        {
            throw new EmbeddedPostgresException(
                $"Timed out after {ReadyTimeout.TotalSeconds:0} s waiting for PostgreSQL to accept connections "
                + $"on 127.0.0.1:{port}: {exception.Message}{Environment.NewLine}{describeServerLog()}",
                exception);
        }
    }

    private static async Task<bool> CreateLedgerDatabaseIfMissingAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand(DatabaseExistsSql, connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = LedgerDatabase });
        if (await exists.ExecuteScalarAsync(cancellationToken) is true)
        {
            return false;
        }

        await using var create = new NpgsqlCommand(CreateDatabaseSql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
