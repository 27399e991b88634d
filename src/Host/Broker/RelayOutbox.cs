using EnterpriseLedger.Host.Hosting;
using Marten;
using Npgsql;

namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// The relay's view of Wolverine's outbox table for the exchange. Wolverine stores an outgoing message in
/// <c>wolverine_outgoing_envelopes</c>, in Marten's schema, in the transaction that enqueues it, and deletes the row
/// once the broker has confirmed the message, so a row for the exchange is a message not yet known to be delivered.
/// </summary>
public sealed class RelayOutbox(NpgsqlDataSource dataSource, BrokerOptions broker)
{
    private const string Table = $"{LedgerStore.SchemaName}.wolverine_outgoing_envelopes";

    /// <summary>Counts the outbox rows for the exchange; 0 before Wolverine created the table.</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select count(*) from {Table} where destination = $1");
        command.Parameters.AddWithValue(broker.Destination.ToString());
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>Queues the deletion of every outbox row for the exchange in the session's transaction.</summary>
    public void QueueDeletePending(IDocumentSession session) =>
        session.QueueSqlCommand($"delete from {Table} where destination = ?", broker.Destination.ToString());
}
