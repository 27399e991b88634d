using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Log messages of the embedded PostgreSQL cluster. None of them takes the password or a connection string.
/// </summary>
internal static partial class EmbeddedPostgresLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Using PostgreSQL binaries in {BinaryDirectory}")]
    public static partial void BinariesFound(ILogger logger, string binaryDirectory);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Initializing an embedded PostgreSQL cluster in {ClusterDirectory} for port {Port}")]
    public static partial void Initializing(ILogger logger, string clusterDirectory, int port);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Initialized the embedded PostgreSQL cluster in {ClusterDirectory}")]
    public static partial void Initialized(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Removed the partial cluster folder {StagingDirectory} of an interrupted or failed initialization")]
    public static partial void RemovedPartialCluster(ILogger logger, string stagingDirectory);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "Starting embedded PostgreSQL from {ClusterDirectory} on 127.0.0.1:{Port}")]
    public static partial void Starting(ILogger logger, string clusterDirectory, int port);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "Embedded PostgreSQL is accepting connections on 127.0.0.1:{Port}")]
    public static partial void Ready(ILogger logger, int port);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug,
        Message = "Embedded PostgreSQL from {ClusterDirectory} is already running")]
    public static partial void AlreadyRunning(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void CreatedDatabase(ILogger logger, string database);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information,
        Message = "Stopping embedded PostgreSQL in {ClusterDirectory}")]
    public static partial void Stopping(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Stopped embedded PostgreSQL in {ClusterDirectory}")]
    public static partial void Stopped(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
        Message = "Embedded PostgreSQL in {ClusterDirectory} is not running, so there is nothing to stop")]
    public static partial void NotRunning(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information,
        Message = "Waiting for lock file {LockFile}, which another process holds while it starts or stops PostgreSQL")]
    public static partial void WaitingForLock(ILogger logger, string lockFile);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Debug, Message = "Running {CommandLine}")]
    public static partial void RunningCommand(ILogger logger, string commandLine);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Debug, Message = "{CommandLine} exited with code {ExitCode}")]
    public static partial void CommandExited(ILogger logger, string commandLine, int exitCode);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning,
        Message = "Deleted the stale postmaster.pid in {ClusterDirectory}: process {ProcessId} is not its server")]
    public static partial void RemovedStalePidFile(ILogger logger, string clusterDirectory, int processId);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Information,
        Message = "The postgres system user cannot reach the data folder {DataDirectory}, so the cluster is placed in "
            + "{ClusterRoot}, a folder that user can reach")]
    public static partial void RelocatedCluster(ILogger logger, string dataDirectory, string clusterRoot);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Warning,
        Message = "Deleted the cluster folder {ClusterRoot}, left behind by an earlier data folder at {DataDirectory}, "
            + "to start a new cluster")]
    public static partial void RemovedOrphanedCluster(ILogger logger, string clusterRoot, string dataDirectory);
}
