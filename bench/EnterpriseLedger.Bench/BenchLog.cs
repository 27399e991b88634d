using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Bench;

internal static partial class BenchLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Using the database of {Variable}")]
    public static partial void UsingConfiguredDatabase(ILogger logger, string variable);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information,
        Message = "PostgreSQL keeps running; stop it with LEDGER_DATA_DIR={Folder} ./ledger db stop, "
            + "then delete the folder")]
    public static partial void KeptCluster(ILogger logger, string folder);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information,
        Message = "Stopped PostgreSQL and deleted {Folder}")]
    public static partial void DeletedCluster(ILogger logger, string folder);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information,
        Message = "Generated {Companies} companies (seed {Seed}) into {Bytes} bytes of NDJSON in {Seconds:F1} s")]
    public static partial void Generated(ILogger logger, int companies, int seed, long bytes, double seconds);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information,
        Message = "{Variant}, batch size {BatchSize}, run {Run}: {Events} events in {Seconds:F2} s, "
            + "COPY of as many rows in {CopySeconds:F2} s")]
    public static partial void RunFinished(
        ILogger logger, string variant, int batchSize, int run, long events, double seconds, double copySeconds);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information,
        Message = "Warming up {Variant}: schema and a first migration of {Companies} companies")]
    public static partial void WarmingUp(ILogger logger, string variant, int companies);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning,
        Message = "CHECKPOINT was rejected ({Reason}); runs start without a checkpoint, so their times vary more")]
    public static partial void CheckpointRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 9008, Level = LogLevel.Information,
        Message = "Measured the client-side steps: {Step} {Seconds:F2} s")]
    public static partial void StepMeasured(ILogger logger, string step, double seconds);
}
