using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// PostgreSQL cluster that the ledger runs for itself, with its settings in a data folder, when no connection string
/// is configured. The server keeps running after this process exits, so later commands reuse it.
/// </summary>
/// <remarks>
/// The data folder contains <c>postgres.port</c>, the TCP port chosen at initialization, <c>postgres.password</c>
/// (mode 0600), the password of the superuser <c>ledger</c>, and <c>postgres.lock</c>, which serializes processes
/// that start or stop the cluster. The cluster itself, <c>pgdata/</c> with its <c>server.log</c>, normally sits in
/// the data folder too.
/// <para>
/// When this process runs as root, initdb and pg_ctl run as the postgres system user, which owns <c>pgdata/</c> and
/// must be able to reach it. When, at initialization, that user cannot reach the data folder (one under
/// <c>/root</c> or under a folder made by <c>mktemp -d</c>, for example), the cluster goes to
/// <c>/var/tmp/enterprise-ledger/</c> followed by the first 16 hex digits of the SHA-256 of the data folder's path.
/// The file <c>postgres.cluster</c> in the data folder records that folder, and later commands read it rather than
/// decide again.
/// </para>
/// <para>
/// Deleting the data folder still means starting from scratch. The next initialization finds the folder under
/// <c>/var/tmp</c> with no pointer file that records it, stops any server still running from it, and deletes it.
/// NOTE: the same happens when a data folder is renamed and a new cluster is initialized at the old path, so the
/// renamed folder loses its cluster.
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

    /// <param name="dataDirectory">
    /// Folder for the cluster's settings and, unless it is relocated, the cluster. Created when missing.
    /// </param>
    /// <param name="logger">Receives initialization, start and stop messages; never the password.</param>
    public EmbeddedPostgres(string dataDirectory, ILogger? logger = null)
        : this(dataDirectory, logger, PostgresBinaries.DefaultSearchDirectories())
    {
    }

    /// <param name="binarySearchDirectories">Folders to search for initdb, pg_ctl and postgres, in order.</param>
    internal EmbeddedPostgres(string dataDirectory, ILogger? logger, IReadOnlyList<string> binarySearchDirectories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _layout = new ClusterLayout(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory)));
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

        var layout = await new ClusterPlacement(binaries, _logger).PlaceAsync(_layout, cancellationToken);
        var account = ServerAccount.ForCurrentProcess(layout.ClusterRoot, _logger);
        await account.EnsureCanReachAsync(layout.ClusterRoot, cancellationToken);
        var credentials = Directory.Exists(layout.ClusterDirectory)
            ? ClusterCredentials.Load(layout)
            : await new ClusterInitializer(binaries, layout, account, _logger).InitializeAsync(cancellationToken);

        var server = new PostgresServer(binaries, layout, account, _logger);
        var wasRunning = await StartUnlessRunningAsync(server, layout, credentials.Port, cancellationToken);

        await ClusterConnection.EnsureReadyAsync(credentials, server.DescribeServerLog, _logger, cancellationToken);
        if (!wasRunning)
        {
            EmbeddedPostgresLog.Ready(_logger, credentials.Port);
        }

        return credentials.ConnectionString(ClusterConnection.LedgerDatabase);
    }

    /// <returns>True when the server was already running.</returns>
    private async Task<bool> StartUnlessRunningAsync(
        PostgresServer server, ClusterLayout layout, int port, CancellationToken cancellationToken)
    {
        if (await server.IsRunningAsync(cancellationToken))
        {
            EmbeddedPostgresLog.AlreadyRunning(_logger, layout.ClusterDirectory);
            return true;
        }

        EmbeddedPostgresLog.Starting(_logger, layout.ClusterDirectory, port);
        await server.StartAsync(port, cancellationToken);
        return false;
    }

    [UnsupportedOSPlatform("windows")]
    private async Task<bool> StopCoreAsync(CancellationToken cancellationToken)
    {
        var layout = ClusterPlacement.ReadRecorded(_layout);
        if (!Directory.Exists(layout.ClusterDirectory))
        {
            EmbeddedPostgresLog.NotRunning(_logger, layout.ClusterDirectory);
            return false;
        }

        var binaries = LocateBinaries();
        using var clusterLock = await ClusterLock.AcquireAsync(layout.LockFile, _logger, cancellationToken);

        var account = ServerAccount.ForCurrentProcess(layout.ClusterRoot, _logger);
        var server = new PostgresServer(binaries, layout, account, _logger);
        if (!await server.IsRunningAsync(cancellationToken))
        {
            EmbeddedPostgresLog.NotRunning(_logger, layout.ClusterDirectory);
            return false;
        }

        EmbeddedPostgresLog.Stopping(_logger, layout.ClusterDirectory);
        await server.StopAsync(cancellationToken);
        EmbeddedPostgresLog.Stopped(_logger, layout.ClusterDirectory);
        return true;
    }

    private PostgresBinaries LocateBinaries()
    {
        var binaries = PostgresBinaries.Locate(_binarySearchDirectories);
        EmbeddedPostgresLog.BinariesFound(_logger, binaries.Directory);
        return binaries;
    }
}
