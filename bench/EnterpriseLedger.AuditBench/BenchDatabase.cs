using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.AuditBench;

/// <summary>
/// An embedded PostgreSQL in a new temporary folder, which also contains the benchmark's scratch files. Disposal
/// stops the server and deletes the folder.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    // initdb and pg_ctl run as the postgres user when this process runs as root, and must be able to enter the
    // folder, which CreateTempSubdirectory makes readable by its owner only.
    private const UnixFileMode TraversableFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly EmbeddedPostgres _server;
    private readonly ILogger _logger;

    private BenchDatabase(EmbeddedPostgres server, DirectoryInfo folder, ILogger logger)
    {
        _server = server;
        Folder = folder;
        _logger = logger;
    }

    public string ConnectionString { get; private set; } = "";

    public DirectoryInfo Folder { get; }

    /// <summary>Scratch files: export outputs and the audit signing key. Deleted with the database.</summary>
    public string ScratchFolder => Path.Combine(Folder.FullName, "scratch");

    public static async Task<BenchDatabase> StartAsync(ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-auditbench-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, TraversableFolder);
        }

        var server = new EmbeddedPostgres(folder.FullName, loggers.CreateLogger<EmbeddedPostgres>());
        var database = new BenchDatabase(server, folder, loggers.CreateLogger<BenchDatabase>());
        try
        {
            database.ConnectionString = await server.EnsureStartedAsync(cancellationToken);
            Directory.CreateDirectory(database.ScratchFolder);
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
        // Not cancellable: this runs after Ctrl-C too, and must still stop the server.
        await _server.StopAsync(CancellationToken.None);
        DeleteFolders();
    }

    /// <summary>Deletes the folder and, when the cluster was placed elsewhere, the cluster's folder.</summary>
    private void DeleteFolders()
    {
        var pointer = Path.Combine(Folder.FullName, "postgres.cluster");
        if (File.Exists(pointer) && File.ReadAllText(pointer).Trim() is { Length: > 0 } clusterRoot
            && Directory.Exists(clusterRoot))
        {
            Directory.Delete(clusterRoot, recursive: true);
        }

        Folder.Delete(recursive: true);
        BenchLog.DeletedCluster(_logger, Folder.FullName);
    }
}
