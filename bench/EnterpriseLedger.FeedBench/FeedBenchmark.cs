using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using EnterpriseLedger.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace EnterpriseLedger.FeedBench;

/// <summary>
/// Measures the event feed: how fast a subscriber reads a backlog in pages of 1,000 and how fast the broker relay
/// sends that backlog to RabbitMQ. Then, at a steady append rate, it measures the lag from commit to receipt for the
/// live stream (SSE) and for RabbitMQ.
/// </summary>
internal static class FeedBenchmark
{
    private const int ReadRuns = 3;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(FeedBenchOptions options, CancellationToken cancellationToken)
    {
        await using var cluster = await BenchCluster.StartAsync(cancellationToken);
        using var store = LedgerStore.Create(cluster.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var writer = new EventWriter(store, options.Accounts);
        await writer.CreateAccountsAsync(cancellationToken);
        var token = await writer.IssueServiceTokenAsync();
        await writer.SeedAsync(options.Backlog, cancellationToken);
        var exchange = $"ledger.events.bench-{Guid.NewGuid():N}";
        var report = new FeedReport(options);

        var app = await cluster.StartHostAsync(null, exchange, cancellationToken);
        for (var run = 0; run < ReadRuns; run++)
        {
            report.ReadRates.Add(await ReadBacklogAsync(Address(app), token, cancellationToken));
        }

        await StopAsync(app);
        var rabbitArrivals = new Arrivals();
        await using var rabbit = await RabbitSubscriber.StartAsync(options.RabbitMq, exchange, rabbitArrivals);
        var drain = Stopwatch.StartNew();
        app = await cluster.StartHostAsync(options.RabbitMq, exchange, cancellationToken);
        await WaitAsync(() => rabbitArrivals.Received.Count >= options.Backlog + options.Accounts, DrainTimeout);
        report.RelayDrainRate = (options.Backlog + options.Accounts) / drain.Elapsed.TotalSeconds;

        var sseArrivals = new Arrivals();
        using var stopStream = new CancellationTokenSource();
        var after = await LastSequenceAsync(cluster.ConnectionString);
        var stream = SseSubscriber.RunAsync(Address(app), token, after, sseArrivals, stopStream.Token);
        await writer.RunSteadyAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
        await WaitAsync(() => Has(sseArrivals, writer) && Has(rabbitArrivals, writer), CatchUpTimeout);
        await stopStream.CancelAsync();
        await stream;
        await StopAsync(app);

        report.Appended = writer.Committed.Count;
        report.SseLags = Lags(writer, sseArrivals);
        report.RabbitLags = Lags(writer, rabbitArrivals);
        return report.ToMarkdown();
    }

    /// <summary>Reads the whole feed in pages of 1,000 and returns events per second.</summary>
    private static async Task<double> ReadBacklogAsync(Uri host, string token, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = host };
        var clock = Stopwatch.StartNew();
        long after = 0;
        var events = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/events?after={after}&limit=1000");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            var count = page.RootElement.GetProperty("events").GetArrayLength();
            if (count == 0)
            {
                return events / clock.Elapsed.TotalSeconds;
            }

            events += count;
            after = page.RootElement.GetProperty("checkpoint").GetInt64();
        }
    }

    private static async Task<long> LastSequenceAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            $"select max(seq_id) from {LedgerStore.SchemaName}.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static bool Has(Arrivals arrivals, EventWriter writer) =>
        writer.Committed.Keys.All(arrivals.Received.ContainsKey);

    private static List<double> Lags(EventWriter writer, Arrivals arrivals) =>
        [.. writer.Committed.Select(
            pair => Stopwatch.GetElapsedTime(pair.Value, arrivals.Received[pair.Key]).TotalMilliseconds)];

    private static Uri Address(WebApplication app) => new(app.Urls.Single());

    private static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The subscribers did not receive every event within {timeout}.");
            }

            await Task.Delay(20);
        }
    }
}
