using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// A PostgreSQL session-level advisory lock that makes one relay per exchange and database the publisher. It lives
/// on a connection of its own: when the process dies or the connection breaks, PostgreSQL ends the session and
/// releases the lock, so another host's relay takes over.
/// </summary>
public sealed class RelayLock(NpgsqlDataSource dataSource, string exchange) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>The lock key, the same in every process for the same exchange name.</summary>
    public long Key { get; } = BitConverter.ToInt64(
        SHA256.HashData(Encoding.UTF8.GetBytes($"enterprise-ledger broker relay {exchange}")), 0);

    public bool IsHeld => _connection is not null;

    /// <summary>Takes the lock if no other session holds it; returns whether this relay now holds it.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return true;
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection);
            command.Parameters.AddWithValue(Key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                _connection = connection;
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return false;
    }

    /// <summary>Checks that the lock's session is still alive; a failure means the lock may be gone.</summary>
    /// <exception cref="NpgsqlException">The lock's connection is broken.</exception>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            throw new InvalidOperationException("The relay lock is not held.");
        }

        await using var command = new NpgsqlCommand("select 1", _connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Releases the lock. A connection that broke has lost the lock already, so errors are ignored.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        var connection = _connection;
        _connection = null;
        try
        {
            // An explicit unlock, because closing returns the connection to Npgsql's pool, not to PostgreSQL.
            await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", connection);
            command.Parameters.AddWithValue(Key);
            await command.ExecuteScalarAsync();
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            // The session is gone, and with it the lock.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
