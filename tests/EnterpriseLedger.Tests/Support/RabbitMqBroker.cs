using System.Net.Sockets;

namespace EnterpriseLedger.Tests.Support;

/// <summary>
/// RabbitMQ for the broker tests, found in this order: the AMQP URI in <c>LEDGER_TEST_RABBITMQ</c>; a broker that
/// listens on 127.0.0.1:5672 (as <c>.ci/run</c> starts one); outside CI, a private node of the installed
/// rabbitmq-server in a temporary folder on free ports, stopped when the tests end. Without any of them the broker
/// tests fail with a message that explains how to install RabbitMQ. In CI (<c>CI</c> set) a missing broker on
/// 127.0.0.1:5672 is a failure, so that a private node does not cover up a broken CI setup.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public const string UriVariable = "LEDGER_TEST_RABBITMQ";

    private const int DefaultPort = 5672;

    private RabbitMqNode? _node;

    public Uri Uri { get; private set; } = new("amqp://127.0.0.1");

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } configured)
        {
            Uri = new Uri(configured);
            return;
        }

        if (await IsListeningAsync(DefaultPort))
        {
            Uri = new Uri($"amqp://guest:guest@127.0.0.1:{DefaultPort}");
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            throw new InvalidOperationException(
                $"No RabbitMQ listens on 127.0.0.1:{DefaultPort} in CI; .ci/run starts one before dotnet test.");
        }

        _node = await RabbitMqNode.StartAsync();
        Uri = _node.Uri;
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    /// <summary>Returns whether something accepts TCP connections on 127.0.0.1 at the port.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// The broker tests: one RabbitMQ and one PostgreSQL of their own, so that their events and exchanges do not mix
/// with those of the other tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrokerTests : ICollectionFixture<RabbitMqBroker>, ICollectionFixture<LedgerDatabase>
{
    public const string Name = "broker";
}
