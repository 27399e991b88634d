using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// PostgreSQL cluster that the ledger runs for itself under its data folder when no connection string is
/// configured. The server keeps running after this process exits, so later commands reuse it.
/// </summary>
/// <remarks>
/// Layout of the data folder: <c>pgdata/</c> is the cluster and holds <c>server.log</c>, <c>postgres.port</c> the
/// TCP port chosen at initialization, <c>postgres.password</c> (mode 0600) the password of the superuser
/// <c>ledger</c>, and <c>postgres.lock</c> serializes processes that start or stop the cluster.
/// <para>
/// When this process runs as root, initdb and pg_ctl run as the postgres system user, which owns <c>pgdata/</c>.
/// That user must reach the data folder. When it cannot, this class fails with a message that names the folder,
/// rather than placing the cluster elsewhere, because a cluster outside the data folder would survive when a user
/// deletes that folder to start from scratch.
/// </para>
/// </remarks>
public sealed class EmbeddedPostgres
{
    private const string DataDirectoryVariable = "LEDGER_DATA_DIR";
    private const string NoWindowsMessage =
        "The embedded PostgreSQL runs only on Linux and macOS. Set ConnectionStrings__Ledger to an existing server.";

    private readonly ClusterLayout _layout;
    private readonly IReadOnlyList<string> _binarySearchDirectories;
    private readonly ILogger _logger;

    /// <param name="dataDirectory">Folder for the cluster and its settings, created when missing.</param>
    /// <param name="logger">Receives initialization, start and stop messages; never the password.</param>
    public EmbeddedPostgres(string dataDirectory, ILogger? logger = null)
        : this(dataDirectory, logger, PostgresBinaries.DefaultSearchDirectories())
    {
    }

    /// <param name="binarySearchDirectories">Folders to search for initdb, pg_ctl and postgres, in order.</param>
    internal EmbeddedPostgres(string dataDirectory, ILogger? logger, IReadOnlyList<string> binarySearchDirectories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _layout = new ClusterLayout(Path.GetFullPath(dataDirectory));
        _binarySearchDirectories = binarySearchDirectories;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Returns the folder named by the LEDGER_DATA_DIR environment variable, else <c>.ledger</c> in the current
    /// folder.
    /// </summary>
    public static string DefaultDataDirectory() =>
        DefaultDataDirectory(Environment.GetEnvironmentVariable(DataDirectoryVariable), Environment.CurrentDirectory);

    internal static string DefaultDataDirectory(string? configuredDirectory, string currentDirectory) =>
        string.IsNullOrWhiteSpace(configuredDirectory)
            ? Path.Combine(currentDirectory, ".ledger")
            : Path.GetFullPath(configuredDirectory, currentDirectory);

    /// <summary>
    /// Initializes the cluster if it is missing, starts it if it is stopped, creates the <c>ledger</c> database
    /// if it is missing, and waits until the server accepts connections.
    /// </summary>
    /// <returns>A connection string for the <c>ledger</c> database on 127.0.0.1, including the password.</returns>
    /// <exception cref="EmbeddedPostgresUnavailableException">No PostgreSQL binaries were found.</exception>
    /// <exception cref="EmbeddedPostgresException">initdb or pg_ctl failed, or the server did not come up.</exception>
    public Task<string> EnsureStartedAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(NoWindowsMessage);
        }

        return EnsureStartedCoreAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the server in fast mode, which ends open sessions.
    /// </summary>
    /// <returns>True when it was running and has stopped, false when it was not running or not initialized.</returns>
    /// <exception cref="EmbeddedPostgresException">pg_ctl failed.</exception>
    public Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(NoWindowsMessage);
        }

        return StopCoreAsync(cancellationToken);
    }

    [UnsupportedOSPlatform("windows")]
    private async Task<string> EnsureStartedCoreAsync(CancellationToken cancellationToken)
    {
        var binaries = LocateBinaries();
        Directory.CreateDirectory(_layout.DataDirectory);
        using var clusterLock = await ClusterLock.AcquireAsync(_layout.LockFile, _logger, cancellationToken);

        var account = ServerAccount.ForCurrentProcess(_layout.DataDirectory, _logger);
        var server = new PostgresServer(binaries, _layout, account, _logger);
        var credentials = Directory.Exists(_layout.ClusterDirectory)
            ? ClusterCredentials.Load(_layout)
            : await InitializeAsync(binaries, account, cancellationToken);

        var wasRunning = await server.IsRunningAsync(cancellationToken);
        if (wasRunning)
        {
            EmbeddedPostgresLog.AlreadyRunning(_logger, _layout.ClusterDirectory);
        }
        else
        {
            await account.EnsureCanReachAsync(_layout.DataDirectory, cancellationToken);
            EmbeddedPostgresLog.Starting(_logger, _layout.ClusterDirectory, credentials.Port);
            await server.StartAsync(credentials.Port, cancellationToken);
        }

        await ClusterConnection.EnsureReadyAsync(credentials, server.DescribeServerLog, _logger, cancellationToken);
        if (!wasRunning)
        {
            EmbeddedPostgresLog.Ready(_logger, credentials.Port);
        }

        return credentials.ConnectionString(ClusterConnection.LedgerDatabase);
    }

    [UnsupportedOSPlatform("windows")]
    private async Task<ClusterCredentials> InitializeAsync(
        PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken)
    {
        await account.EnsureCanReachAsync(_layout.DataDirectory, cancellationToken);
        var initializer = new ClusterInitializer(binaries, _layout, account, _logger);
        return await initializer.InitializeAsync(cancellationToken);
    }

    [UnsupportedOSPlatform("windows")]
    private async Task<bool> StopCoreAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_layout.ClusterDirectory))
        {
            EmbeddedPostgresLog.NotRunning(_logger, _layout.ClusterDirectory);
            return false;
        }

        var binaries = LocateBinaries();
        using var clusterLock = await ClusterLock.AcquireAsync(_layout.LockFile, _logger, cancellationToken);

        var account = ServerAccount.ForCurrentProcess(_layout.DataDirectory, _logger);
        var server = new PostgresServer(binaries, _layout, account, _logger);
        if (!await server.IsRunningAsync(cancellationToken))
        {
            EmbeddedPostgresLog.NotRunning(_logger, _layout.ClusterDirectory);
            return false;
        }

        EmbeddedPostgresLog.Stopping(_logger, _layout.ClusterDirectory);
        await server.StopAsync(cancellationToken);
        EmbeddedPostgresLog.Stopped(_logger, _layout.ClusterDirectory);
        return true;
    }

    private PostgresBinaries LocateBinaries()
    {
        var binaries = PostgresBinaries.Locate(_binarySearchDirectories);
        EmbeddedPostgresLog.BinariesFound(_logger, binaries.Directory);
        return binaries;
    }
}
