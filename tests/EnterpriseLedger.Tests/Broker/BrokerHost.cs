using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.Broker;
using EnterpriseLedger.Host.Hosting;
using Microsoft.AspNetCore.Builder;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>The real HTTP host in this process, on a free port, with the broker fan-out to one exchange.</summary>
public sealed class BrokerHost : IAsyncDisposable
{
    private bool _disposed;

    private BrokerHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public static async Task<BrokerHost> StartAsync(string connectionString, Uri broker, string exchange)
    {
        var signingKey = Path.Combine(Path.GetTempPath(), $"ledger-test-key-{Guid.NewGuid():N}.pem");
        string[] args =
        [
            $"--ConnectionStrings:Ledger={connectionString}",
            "--urls=http://127.0.0.1:0",
            $"--{AuditSigningKey.ConfigurationKey}={signingKey}",
            $"--{BrokerOptions.UriKey}={broker}",
            $"--{BrokerOptions.ExchangeKey}={exchange}",
        ];
        var app = await LedgerWebHost.BuildAsync(args, CancellationToken.None);
        await app.StartAsync();
        return new BrokerHost(app);
    }

    /// <summary>Stops the host; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
