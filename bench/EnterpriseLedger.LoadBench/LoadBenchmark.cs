using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// One benchmark run: a fresh database with the migrated companies, the host in this process, then the read
/// workload and the write workload, each warmed up and then measured.
/// </summary>
internal sealed class LoadBenchmark(LoadOptions options, ILogger logger)
{
    /// <returns>0 when every request got a 2xx or a 409, else 1.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await BenchServer.StartAsync(logger, cancellationToken);
        await BenchAccounts.MigrateAsync(server.Store, options.CompaniesFile, logger, cancellationToken);
        var accounts = await BenchAccounts.ChooseAsync(server.Store, options.Accounts, cancellationToken);
        var members = accounts.Sum(account => account.ViewOnlyMembers.Count);
        LoadBenchLog.AccountsChosen(logger, accounts.Count, members);
        if (accounts.Count == 0)
        {
            throw new LoadSetupException("No migrated account has both a manager and a view-only member.");
        }

        using var client = CreateClient(server.BaseAddress, options.Concurrency);
        IWorkload[] workloads =
        [
            new ReadWorkload(accounts, options.Concurrency),
            new WriteWorkload(accounts, options.Concurrency),
        ];
        var results = new List<LoadResult>();
        foreach (var workload in workloads)
        {
            results.Add(await MeasureAsync(client, workload, cancellationToken));
        }

        var machine = await MachineDescription.ReadAsync(server.ConnectionString, cancellationToken);
        await Console.Out.WriteAsync(LoadReport.ToMarkdown(options, accounts, results, machine));
        return results.Any(result => result.Unexpected > 0) ? 1 : 0;
    }

    private async Task<LoadResult> MeasureAsync(HttpClient client, IWorkload workload, CancellationToken token)
    {
        await SendFirstAsync(client, workload, token);

        var runner = new LoadRunner(client, options.Concurrency, logger);
        if (options.WarmupSeconds > 0)
        {
            LoadBenchLog.Running(logger, workload.Name, options.WarmupSeconds, options.Concurrency, "warm-up");
            await runner.RunAsync(workload, TimeSpan.FromSeconds(options.WarmupSeconds), token);
        }

        LoadBenchLog.Running(logger, workload.Name, options.Seconds, options.Concurrency, "measured");
        var result = await runner.RunAsync(workload, TimeSpan.FromSeconds(options.Seconds), token);
        var p99 = result.Percentile(99);
        LoadBenchLog.Measured(logger, workload.Name, result.Requests, result.RequestsPerSecond, p99);
        return result;
    }

    /// <summary>
    /// Sends one request alone, because the first request of an endpoint makes Wolverine generate and compile its
    /// handler, which takes seconds. A first status other than 2xx stops the run, as a broken setup would.
    /// </summary>
    private async Task SendFirstAsync(HttpClient client, IWorkload workload, CancellationToken token)
    {
        using var request = workload.Next(worker: 0);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, token);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        workload.Completed(worker: 0, response.StatusCode);
        LoadBenchLog.FirstRequest(logger, workload.Name, (int)response.StatusCode, milliseconds);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(token);
            var status = (int)response.StatusCode;
            throw new LoadSetupException(
                $"The first request {request.Method} {request.RequestUri} failed with {status}: {body}");
        }
    }

    /// <summary>
    /// Creates a client with one pooled connection per worker. It never uses a proxy, so that every request goes
    /// straight to the host on the loopback address whatever the environment sets.
    /// </summary>
    private static HttpClient CreateClient(Uri baseAddress, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
