using System.Text.Json;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.Broker;
using EnterpriseLedger.Tests.Support;
using Shouldly;
using Xunit.Abstractions;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>
/// The host as a separate process, killed with SIGKILL while events are appended through the API and a feed
/// subscriber and a broker consumer read. After a restart both must end with every committed public event,
/// de-duplicated by id, each account's events in stream version order.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class HostCrashTests(RabbitMqBroker broker, LedgerDatabase database, ITestOutputHelper output)
    : IAsyncLifetime
{
    private const int TargetEvents = 10_000;
    private const int KillAtEvents = TargetEvents / 2;

    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(90);

    private readonly string _exchange = $"ledger.events.test-{Guid.NewGuid():N}";
    private readonly int _port = FreePort.Next();

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task killed_host_loses_and_reorders_nothing()
    {
        await using var consumer = await BrokerConsumer.StartAsync(broker.Uri, _exchange);
        var operatorToken = await TestTokens.OperatorAsync(database.Store);
        var readerToken = await TestTokens.EventReaderAsync(database.Store);
        await using var first = await HostProcess.StartAsync(_port, HostEnvironment());
        using var subscriber = new FeedSubscriber(first.Address, readerToken);
        using var appender = new MigrationAppender(first.Address, operatorToken, seed: 2024);
        using var stopReading = new CancellationTokenSource();
        var reading = subscriber.RunAsync(stopReading.Token);
        var appending = appender.RunAsync(() => HasCommittedAsync(TargetEvents), CancellationToken.None);

        await WaitUntilCommittedAsync(KillAtEvents, appending);
        await first.KillAsync();
        var killedAt = await CountCommittedAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using var second = await HostProcess.StartAsync(_port, HostEnvironment());
        await appending;

        var committed = await CommittedEvents.ReadAsync(database.ConnectionString);
        await WaitForAsync(() => HasAll(subscriber.Received.Select(ReceivedEvent.From), committed));
        await WaitForAsync(() => HasAll(consumer.Received.Select(ReceivedFrom), committed));
        await stopReading.CancelAsync();
        await reading;

        Report(killedAt, committed.Count, appender, subscriber, consumer, second);
        AssertFeed(subscriber.Received, committed);
        AssertBroker(consumer.Received, committed);
    }

    private static void AssertFeed(IReadOnlyList<JsonElement> received, List<CommittedEvent> committed)
    {
        var events = received.Select(ReceivedEvent.From).ToList();
        events.Select(received => received.Id)
            .ShouldBe(committed.Select(committed => committed.Id), "feed order, once each");
        CommittedEvents.OutOfOrderStreams(events).ShouldBeEmpty();
    }

    private static void AssertBroker(IReadOnlyList<BrokerMessage> received, List<CommittedEvent> committed)
    {
        var firstArrivals = CommittedEvents.FirstArrivals(received.Select(ReceivedFrom));
        firstArrivals.Select(received => received.Id).Order()
            .ShouldBe(committed.Select(committed => committed.Id).Order());
        CommittedEvents.OutOfOrderStreams(firstArrivals).ShouldBeEmpty();
        received.ShouldAllBe(message => message.MessageId == message.EventId.ToString());
        received.ShouldAllBe(message => message.RoutingKey == message.Type);
    }

    private static ReceivedEvent ReceivedFrom(BrokerMessage message) => ReceivedEvent.From(message.Envelope);

    private static bool HasAll(IEnumerable<ReceivedEvent> received, List<CommittedEvent> committed)
    {
        var ids = received.Select(received => received.Id).ToHashSet();
        return committed.All(committed => ids.Contains(committed.Id));
    }

    private void Report(long killedAt, int committed, MigrationAppender appender, FeedSubscriber subscriber,
        BrokerConsumer consumer, HostProcess second)
    {
        output.WriteLine($"Killed the host at {killedAt} committed public events; {committed} in all.");
        output.WriteLine($"Appender: {appender.Posted} companies, {appender.Failures} failed posts while down.");
        output.WriteLine($"Feed subscriber: {subscriber.Received.Count} events, {subscriber.Failures} failed reads.");
        var distinct = consumer.Received.Select(message => message.EventId).Distinct().Count();
        var duplicates = consumer.Received.Count - distinct;
        output.WriteLine($"Broker consumer: {consumer.Received.Count} messages, {duplicates} duplicates.");
        foreach (var line in second.Lines.Where(line => line.Contains("Relay", StringComparison.Ordinal)))
        {
            output.WriteLine($"Restarted host: {line}");
        }
    }

    private Dictionary<string, string> HostEnvironment() => new()
    {
        ["ConnectionStrings__Ledger"] = database.ConnectionString,
        ["Broker__RabbitMq"] = broker.Uri.ToString(),
        ["Broker__Exchange"] = _exchange,
        [AuditSigningKey.PathVariable] = Path.Combine(Path.GetTempPath(), $"ledger-test-key-{_port}.pem"),
        ["Logging__LogLevel__Default"] = "Warning",
        [$"Logging__LogLevel__{typeof(BrokerRelay).FullName}"] = "Information",
    };

    private async Task<bool> HasCommittedAsync(int count) => await CountCommittedAsync() >= count;

    private async Task WaitUntilCommittedAsync(int count, Task appending)
    {
        while (!await HasCommittedAsync(count))
        {
            if (appending.IsCompleted)
            {
                await appending;
                throw new InvalidOperationException($"The appender stopped before {count} events were committed.");
            }

            await Task.Delay(50);
        }
    }

    private Task<long> CountCommittedAsync() => CommittedEvents.CountAsync(database.ConnectionString);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + CatchUpTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The subscribers did not catch up within {CatchUpTimeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }
}
