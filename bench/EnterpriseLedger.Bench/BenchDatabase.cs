using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Bench;

/// <summary>
/// The database under test: the one in <c>ConnectionStrings__Ledger</c>, or an embedded PostgreSQL in a new
/// temporary folder that is stopped and deleted on disposal unless it is kept.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private const string ConnectionVariable = "ConnectionStrings__Ledger";

    // initdb and pg_ctl run as the postgres user when this process runs as root, and must be able to enter the
    // folder, which CreateTempSubdirectory makes readable by its owner only.
    private const UnixFileMode TraversableFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly EmbeddedPostgres? _server;
    private readonly DirectoryInfo? _folder;
    private readonly bool _keep;
    private readonly ILogger _logger;

    private BenchDatabase(
        string connectionString, EmbeddedPostgres? server, DirectoryInfo? folder, bool keep, ILogger logger)
    {
        ConnectionString = connectionString;
        _server = server;
        _folder = folder;
        _keep = keep;
        _logger = logger;
    }

    public string ConnectionString { get; }

    public bool IsEmbedded => _server is not null;

    public static async Task<BenchDatabase> OpenAsync(
        bool keep, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<BenchDatabase>();
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            BenchLog.UsingConfiguredDatabase(logger, ConnectionVariable);
            return new BenchDatabase(configured, null, null, keep, logger);
        }

        var folder = Directory.CreateTempSubdirectory("ledger-bench-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, TraversableFolder);
        }

        var server = new EmbeddedPostgres(folder.FullName, loggers.CreateLogger<EmbeddedPostgres>());
        var database = new BenchDatabase("", server, folder, keep, logger);
        try
        {
            var connectionString = await server.EnsureStartedAsync(cancellationToken);
            return new BenchDatabase(connectionString, server, folder, keep, logger);
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
        if (_server is null || _folder is null)
        {
            return;
        }

        if (_keep)
        {
            BenchLog.KeptCluster(_logger, _folder.FullName);
            return;
        }

        await _server.StopAsync();
        DeleteFolders(_folder);
    }

    /// <summary>Deletes the data folder and, when the cluster was placed elsewhere, the cluster's folder.</summary>
    private void DeleteFolders(DirectoryInfo folder)
    {
        var pointer = Path.Combine(folder.FullName, "postgres.cluster");
        if (File.Exists(pointer) && File.ReadAllText(pointer).Trim() is { Length: > 0 } clusterRoot
            && Directory.Exists(clusterRoot))
        {
            Directory.Delete(clusterRoot, recursive: true);
        }

        folder.Delete(recursive: true);
        BenchLog.DeletedCluster(_logger, folder.FullName);
    }
}
