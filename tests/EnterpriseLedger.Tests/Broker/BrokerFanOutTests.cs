using EnterpriseLedger.Host.Broker;
using EnterpriseLedger.Tests.Support;
using Npgsql;
using Shouldly;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>
/// The broker fan-out against a real host, PostgreSQL and RabbitMQ: every public event reaches a consumer of the
/// exchange once, with the event id as message id, the type as routing key, and each account's events in order.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class BrokerFanOutTests(RabbitMqBroker broker, LedgerDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly string _exchange = $"ledger.events.test-{Guid.NewGuid():N}";

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task consumer_gets_every_event_once_in_order()
    {
        await using var consumer = await BrokerConsumer.StartAsync(broker.Uri, _exchange);
        await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(20, seed: 7));

        await using (await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange))
        {
            await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(20, seed: 7, skip: 20));
            var committed = await CommittedEvents.ReadAsync(database.ConnectionString);
            await consumer.WaitUntilAsync(received => received.Count >= committed.Count, DeliveryTimeout);
        }

        var expected = await CommittedEvents.ReadAsync(database.ConnectionString);
        var received = consumer.Received;
        expected.Count.ShouldBeGreaterThan(500);
        received.Count.ShouldBe(expected.Count, "each event once");
        received.Select(message => message.EventId).ShouldBe(expected.Select(committed => committed.Id), "feed order");
        received.ShouldAllBe(message => message.MessageId == message.EventId.ToString());
        received.ShouldAllBe(message => message.RoutingKey == message.Type);
        received.Select(message => message.Type).ShouldBe(expected.Select(committed => committed.Type));
        received.ShouldNotContain(message => message.Type.StartsWith("Token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task restarted_host_resumes_from_checkpoint()
    {
        await using var consumer = await BrokerConsumer.StartAsync(broker.Uri, _exchange);
        await using (await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange))
        {
            await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(5, seed: 11));
            var first = await CommittedEvents.ReadAsync(database.ConnectionString);
            await consumer.WaitUntilAsync(received => received.Count >= first.Count, DeliveryTimeout);
        }

        await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(5, seed: 11, skip: 5));
        await using (await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange))
        {
            var all = await CommittedEvents.ReadAsync(database.ConnectionString);
            await consumer.WaitUntilAsync(received => received.Count >= all.Count, DeliveryTimeout);
        }

        var expected = await CommittedEvents.ReadAsync(database.ConnectionString);
        consumer.Received.Select(message => message.EventId).ShouldBe(expected.Select(committed => committed.Id));
    }

    [Fact]
    public async Task second_host_takes_over_relay()
    {
        await using var consumer = await BrokerConsumer.StartAsync(broker.Uri, _exchange);
        var holder = await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange);
        try
        {
            // Started second, this host's relay finds the lock taken and waits for it.
            await using var waiting = await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange);
            await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(5, seed: 17));
            var first = await CommittedEvents.ReadAsync(database.ConnectionString);
            await consumer.WaitUntilAsync(received => received.Count >= first.Count, DeliveryTimeout);

            await holder.DisposeAsync();
            await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(5, seed: 17, skip: 5));
            var all = await CommittedEvents.ReadAsync(database.ConnectionString);
            await consumer.WaitUntilAsync(received => received.Count >= all.Count, DeliveryTimeout);

            consumer.Received.Select(message => message.EventId).ShouldBe(all.Select(committed => committed.Id));
        }
        finally
        {
            await holder.DisposeAsync();
        }
    }

    [Fact]
    public async Task leftover_window_is_sent_again()
    {
        const int window = 100;
        await using var consumer = await BrokerConsumer.StartAsync(broker.Uri, _exchange);
        await Migrator.MigrateAsync(database.Store, await CommittedEvents.WriteSamplesAsync(10, seed: 13));
        var committed = await CommittedEvents.ReadAsync(database.ConnectionString);
        await using (await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange))
        {
            await consumer.WaitUntilAsync(received => received.Count >= committed.Count, DeliveryTimeout);
        }

        // As a relay leaves things when it dies after the commit of its last window and before sending it.
        var lastWindow = committed.TakeLast(window).ToList();
        await using (var session = database.Store.LightweightSession())
        {
            session.Store(new RelayCheckpoint(_exchange, lastWindow[0].Sequence - 1, lastWindow[^1].Sequence));
            await session.SaveChangesAsync();
        }

        await InsertOutboxRowAsync(new BrokerOptions(broker.Uri, _exchange).Destination);
        await using (await BrokerHost.StartAsync(database.ConnectionString, broker.Uri, _exchange))
        {
            await consumer.WaitUntilAsync(received => received.Count >= committed.Count + window, DeliveryTimeout);
        }

        var again = consumer.Received.Skip(committed.Count).Select(message => message.EventId).ToList();
        again.ShouldBe(lastWindow.Select(committed => committed.Id), "the last window again, in order");
        (await CountOutboxRowsAsync()).ShouldBe(0);
    }

    private async Task InsertOutboxRowAsync(Uri destination)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            insert into ledger.wolverine_outgoing_envelopes (id, owner_id, destination, body, message_type)
            values ($1, 999, $2, '\x00', 'left-over')
            """, connection);
        command.Parameters.AddWithValue(Guid.NewGuid());
        command.Parameters.AddWithValue(destination.ToString());
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from ledger.wolverine_outgoing_envelopes", connection);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }
}
