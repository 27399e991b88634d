using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.LoadBench;

/// <summary>Progress and problems of a benchmark run, on standard error. No message contains a token.</summary>
internal static partial class LoadBenchLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "Starting PostgreSQL in {Folder}")]
    public static partial void StartingDatabase(ILogger logger, string folder);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "The host listens on {Address}")]
    public static partial void HostStarted(ILogger logger, Uri address);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information,
        Message = "Migrated {Migrated} of {Total} companies from {File}")]
    public static partial void Migrated(ILogger logger, int migrated, int total, string file);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information,
        Message = "Issued tokens for the managers of {Accounts} accounts with {Members} view-only members")]
    public static partial void AccountsChosen(ILogger logger, int accounts, int members);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information,
        Message = "The first request of {Workload} returned {Status} after {Milliseconds:F0} ms")]
    public static partial void FirstRequest(ILogger logger, string workload, int status, double milliseconds);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information,
        Message = "Running {Workload} for {Seconds} s at concurrency {Concurrency} ({Phase})")]
    public static partial void Running(ILogger logger, string workload, int seconds, int concurrency, string phase);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information,
        Message = "{Workload}: {Requests} requests, {RequestsPerSecond:F0}/s, p99 {P99:F1} ms")]
    public static partial void Measured(
        ILogger logger, string workload, long requests, double requestsPerSecond, double p99);

    [LoggerMessage(EventId = 9108, Level = LogLevel.Warning,
        Message = "Worker {Worker} got its first unexpected status: {Response}")]
    public static partial void UnexpectedStatus(ILogger logger, int worker, string response);

    [LoggerMessage(EventId = 9109, Level = LogLevel.Warning,
        Message = "Worker {Worker} got its first failed request, {Uri}; later failures are only counted")]
    public static partial void RequestFailed(ILogger logger, int worker, Uri? uri, Exception error);

    [LoggerMessage(EventId = 9110, Level = LogLevel.Information,
        Message = "Stopped PostgreSQL and deleted {Folder}")]
    public static partial void Cleaned(ILogger logger, string folder);
}
