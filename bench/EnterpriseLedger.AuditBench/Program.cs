using System.Runtime.InteropServices;
using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.AuditBench;

/// <summary>
/// Measures <c>./ledger audit export</c> of a month of audit entries (a million by default), as JSON and as
/// CSV, next to psql's raw <c>COPY ... TO STDOUT</c> of the same rows. The Markdown report goes to standard
/// output and progress to standard error.
/// </summary>
internal static class Program
{
    private const int UsageExitCode = 2;
    private const int CancelledExitCode = 130;

    public static async Task<int> Main(string[] args)
    {
        AuditBenchOptions options;
        try
        {
            options = AuditBenchOptions.Parse(args);
        }
        catch (AuditBenchUsageException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync(AuditBenchOptions.Usage);
            return UsageExitCode;
        }

        if (options.ShowHelp)
        {
            await Console.Out.WriteLineAsync(AuditBenchOptions.Usage);
            return 0;
        }

        return await RunAsync(options);
    }

    private static async Task<int> RunAsync(AuditBenchOptions options)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            // Lets the run end through its finally blocks, which stop PostgreSQL and delete the temporary folder.
            context.Cancel = true;
            cancellation.Cancel();
        }

        // Ctrl-C, kill, and a closed terminal, whose SIGHUP would otherwise end the process without clean-up.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        try
        {
            var hostPath = HostLocation.Resolve(options.HostPath);
            await using var database = await BenchDatabase.StartAsync(loggers, cancellation.Token);
            var report = await new AuditBenchRunner(options, database, loggers).RunAsync(hostPath, cancellation.Token);
            MarkdownReport.Write(Console.Out, report);
            return 0;
        }
        catch (Exception error) when (error is AuditBenchException or EmbeddedPostgresException)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("The benchmark was cancelled; it reports no figures.");
            return CancelledExitCode;
        }
    }
}
