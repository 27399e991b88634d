using EnterpriseLedger.Host.Database;
using EnterpriseLedger.Host.Hosting;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// A PostgreSQL cluster in a new temporary folder and the real HTTP host in this process, listening on a free
/// port of 127.0.0.1. Disposing stops both and deletes the folder.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly EmbeddedPostgres _cluster;
    private readonly ILogger _logger;
    private WebApplication? _app;

    private BenchServer(DirectoryInfo folder, ILogger logger)
    {
        _folder = folder;
        _logger = logger;
        _cluster = new EmbeddedPostgres(folder.FullName, logger);
    }

    public string ConnectionString { get; private set; } = "";

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IDocumentStore Store =>
        _app?.Services.GetRequiredService<IDocumentStore>() ?? throw new InvalidOperationException("Not started.");

    public static async Task<BenchServer> StartAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-loadbench-");

        // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101);
        }

        var server = new BenchServer(folder, logger);
        try
        {
            await server.StartCoreAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopHostAsync();
        }
        finally
        {
            await StopDatabaseAsync();
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        LoadBenchLog.StartingDatabase(_logger, _folder.FullName);
        ConnectionString = await _cluster.EnsureStartedAsync(cancellationToken);

        // The host logs only warnings and errors, to standard error, so that it neither slows the run with a line
        // per request nor mixes its lines into the report on standard output.
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:{LedgerDatabase.ConnectionName}={ConnectionString}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Console:LogToStandardErrorThreshold=Trace",
        ];
        PinApplicationAssembly();
        _app = await LedgerWebHost.BuildAsync(args, cancellationToken);
        await _app.StartAsync(cancellationToken);
        BaseAddress = new Uri(_app.Urls.Single());
        LoadBenchLog.HostStarted(_logger, BaseAddress);
    }

    /// <summary>
    /// Points JasperFx and Wolverine at the host's assembly. They otherwise take the entry assembly, this
    /// benchmark, as the application assembly and find no HTTP endpoints, so every request gets 404.
    /// </summary>
    /// <remarks>
    /// NOTE: this sets process-wide statics, because <see cref="LedgerWebHost.BuildAsync"/> does not set
    /// <c>WolverineOptions.ApplicationAssembly</c>. The tests do not need this: Wolverine skips test-runner
    /// assemblies when it looks for the caller.
    /// </remarks>
    private static void PinApplicationAssembly()
    {
        var hostAssembly = typeof(LedgerWebHost).Assembly;
        JasperFxOptions.RememberedApplicationAssembly = hostAssembly;
        WolverineOptions.RememberedApplicationAssembly = hostAssembly;
    }

    private async Task StopHostAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private async Task StopDatabaseAsync()
    {
        try
        {
            await _cluster.StopAsync(CancellationToken.None);
        }
        finally
        {
            _folder.Delete(recursive: true);
            LoadBenchLog.Cleaned(_logger, _folder.FullName);
        }
    }
}
