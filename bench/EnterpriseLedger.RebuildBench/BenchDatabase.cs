using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// An embedded PostgreSQL in a new temporary folder, stopped and deleted on disposal unless it is kept. The
/// benchmark never uses a configured server, because it fills and rebuilds the ledger's schema.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    // initdb and pg_ctl run as the postgres user when this process runs as root, and must be able to enter the
    // folder, which CreateTempSubdirectory makes readable by its owner only.
    private const UnixFileMode TraversableFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly EmbeddedPostgres _server;
    private readonly DirectoryInfo _folder;
    private readonly bool _keep;
    private readonly ILogger _logger;

    private BenchDatabase(EmbeddedPostgres server, DirectoryInfo folder, bool keep, ILogger logger)
    {
        _server = server;
        _folder = folder;
        _keep = keep;
        _logger = logger;
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<BenchDatabase> StartAsync(
        bool keep, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-rebuild-bench-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, TraversableFolder);
        }

        var server = new EmbeddedPostgres(folder.FullName, loggers.CreateLogger<EmbeddedPostgres>());
        var database = new BenchDatabase(server, folder, keep, loggers.CreateLogger<BenchDatabase>());
        try
        {
            database.ConnectionString = await server.EnsureStartedAsync(cancellationToken);
            return database;
        }
        catch (Exception error) when (error is EmbeddedPostgresException or OperationCanceledException)
        {
            // Stops a server that started but never became ready, and deletes the folder.
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            BenchLog.KeptCluster(_logger, _folder.FullName);
            return;
        }

        await _server.StopAsync();
        DeleteFolders();
    }

    /// <summary>Deletes the data folder and, when the cluster was placed elsewhere, the cluster's folder.</summary>
    private void DeleteFolders()
    {
        var pointer = Path.Combine(_folder.FullName, "postgres.cluster");
        if (File.Exists(pointer) && File.ReadAllText(pointer).Trim() is { Length: > 0 } clusterRoot
            && Directory.Exists(clusterRoot))
        {
            Directory.Delete(clusterRoot, recursive: true);
        }

        _folder.Delete(recursive: true);
        BenchLog.DeletedCluster(_logger, _folder.FullName);
    }
}
