using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.Broker;
using EnterpriseLedger.Host.Database;
using EnterpriseLedger.Host.Hosting;
using JasperFx;
using Microsoft.AspNetCore.Builder;
using Wolverine;

namespace EnterpriseLedger.FeedBench;

/// <summary>
/// A PostgreSQL cluster in a new temporary folder, and the real HTTP host in this process on a free port of
/// 127.0.0.1, started with or without the broker fan-out. Disposing stops the cluster and deletes the folder.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly EmbeddedPostgres _cluster;

    private BenchCluster(DirectoryInfo folder)
    {
        _folder = folder;
        _cluster = new EmbeddedPostgres(folder.FullName);
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<BenchCluster> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-feedbench-");

        // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101);
        }

        var cluster = new BenchCluster(folder);
        cluster.ConnectionString = await cluster._cluster.EnsureStartedAsync(cancellationToken);
        return cluster;
    }

    /// <summary>Starts the host; with a broker, its relay sends every event to <paramref name="exchange"/>.</summary>
    public async Task<WebApplication> StartHostAsync(Uri? broker, string exchange, CancellationToken cancellationToken)
    {
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:{LedgerDatabase.ConnectionName}={ConnectionString}",
            $"--{AuditSigningKey.ConfigurationKey}={Path.Combine(_folder.FullName, "audit-key.pem")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Console:LogToStandardErrorThreshold=Trace",
        ];
        if (broker is not null)
        {
            args.Add($"--{BrokerOptions.UriKey}={broker}");
            args.Add($"--{BrokerOptions.ExchangeKey}={exchange}");
        }

        // JasperFx and Wolverine otherwise take this benchmark as the application assembly and find no endpoints.
        JasperFxOptions.RememberedApplicationAssembly = typeof(LedgerWebHost).Assembly;
        WolverineOptions.RememberedApplicationAssembly = typeof(LedgerWebHost).Assembly;
        var app = await LedgerWebHost.BuildAsync([.. args], cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAsync();
        _folder.Delete(recursive: true);
    }
}
