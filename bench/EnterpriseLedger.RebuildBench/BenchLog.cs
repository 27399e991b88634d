using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.RebuildBench;

internal static partial class BenchLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "PostgreSQL keeps running; stop it with LEDGER_DATA_DIR={Folder} ./ledger db stop, "
            + "then delete the folder")]
    public static partial void KeptCluster(ILogger logger, string folder);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Stopped PostgreSQL and deleted {Folder}")]
    public static partial void DeletedCluster(ILogger logger, string folder);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information,
        Message = "Seeded {Events} events in {Seconds:F1} s")]
    public static partial void Seeded(ILogger logger, long events, double seconds);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information,
        Message = "Rebuilt {Projection}, run {Run}, in {Seconds:F1} s; its table has {Rows} rows")]
    public static partial void Rebuilt(ILogger logger, string projection, int run, double seconds, long rows);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information,
        Message = "Loaded the long stream at version {Version} with {Method}: median {Milliseconds:F2} ms")]
    public static partial void Loaded(ILogger logger, long version, string method, double milliseconds);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Warning,
        Message = "CHECKPOINT was rejected ({Reason}); rebuilds start without a checkpoint, so their times vary more")]
    public static partial void CheckpointRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information,
        Message = "projections check of {Views} views took {Seconds:F1} s, drift in {Drifted}")]
    public static partial void Checked(ILogger logger, int views, double seconds, int drifted);
}
