using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>
/// A downstream subscriber on RabbitMQ: an exclusive queue bound to the exchange with <c>#</c>, so it receives
/// every event type. It declares the exchange as Wolverine does (topic, durable), so it can bind before the host
/// first starts and miss nothing.
/// </summary>
public sealed class BrokerConsumer : IAsyncDisposable
{
    private readonly ConcurrentQueue<BrokerMessage> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BrokerConsumer(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Every message received so far, in arrival order, duplicates included.</summary>
    public IReadOnlyList<BrokerMessage> Received => [.. _received];

    public static async Task<BrokerConsumer> StartAsync(Uri broker, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "#");

        var consumer = new BrokerConsumer(connection, channel);
        var handler = new AsyncEventingBasicConsumer(channel);
        handler.ReceivedAsync += (_, delivery) =>
        {
            consumer._received.Enqueue(new BrokerMessage(
                delivery.BasicProperties.MessageId ?? "",
                delivery.RoutingKey,
                JsonDocument.Parse(delivery.Body).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, handler);
        return consumer;
    }

    /// <summary>Waits until the received messages satisfy the condition, or fails after the timeout.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<BrokerMessage>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Received))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The broker consumer did not get the expected messages within {timeout.TotalSeconds} s; "
                    + $"it received {_received.Count}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>One message as the consumer received it: AMQP message id, routing key and the body's JSON.</summary>
public sealed record BrokerMessage(string MessageId, string RoutingKey, JsonElement Envelope)
{
    public Guid EventId => Envelope.GetProperty("id").GetGuid();

    public string Type => Envelope.GetProperty("type").GetString() ?? "";
}
