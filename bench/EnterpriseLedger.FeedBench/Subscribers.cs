using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EnterpriseLedger.FeedBench;

/// <summary>Receive times of events by id, as <see cref="Stopwatch"/> ticks; the first arrival counts.</summary>
internal sealed class Arrivals
{
    public ConcurrentDictionary<Guid, long> Received { get; } = new();

    public void Record(Guid id) => Received.TryAdd(id, Stopwatch.GetTimestamp());
}

/// <summary>A subscriber on the live stream, <c>GET /events/stream</c>, from a checkpoint.</summary>
internal static class SseSubscriber
{
    public static async Task RunAsync(
        Uri host, string token, long after, Arrivals arrivals, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = host, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/events/stream?after={after}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/vnd.heroku+json; version=3");
        using var response = await client.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    using var envelope = JsonDocument.Parse(line.AsMemory(6));
                    arrivals.Record(envelope.RootElement.GetProperty("id").GetGuid());
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}

/// <summary>A consumer of the exchange: an exclusive queue bound with <c>#</c>, recording each message id.</summary>
internal sealed class RabbitSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RabbitSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RabbitSubscriber> StartAsync(Uri broker, string exchange, Arrivals arrivals)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "#");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            arrivals.Record(Guid.Parse(delivery.BasicProperties.MessageId ?? ""));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return new RabbitSubscriber(connection, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
