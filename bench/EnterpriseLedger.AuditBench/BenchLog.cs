using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.AuditBench;

internal static partial class BenchLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "Stopped PostgreSQL and deleted {Folder}")]
    public static partial void DeletedCluster(ILogger logger, string folder);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information,
        Message = "Seeding {Account}: {Done} of {Total} entries")]
    public static partial void SeedProgress(ILogger logger, string account, int done, int total);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information,
        Message = "Seeded {Entries} entries into {Account} in {Seconds:F1} s")]
    public static partial void Seeded(ILogger logger, string account, long entries, double seconds);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information,
        Message = "Warming up: an untimed COPY, which brings the entries into the page cache")]
    public static partial void WarmingUp(ILogger logger);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information,
        Message = "{Tool} {Format}, {Entries} entries, run {Run}: {Seconds:F2} s, {MegabytesPerSecond:F1} MB/s, "
            + "peak RSS {PeakMegabytes:F0} MB")]
    public static partial void Measured(ILogger logger, string tool, string format, long entries, int run,
        double seconds, double megabytesPerSecond, double peakMegabytes);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information,
        Message = "Probing the export command on {Account}: JSON with audit verify, then CSV")]
    public static partial void Probing(ILogger logger, string account);
}
