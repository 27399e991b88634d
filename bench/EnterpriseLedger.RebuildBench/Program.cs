using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// Measures how fast Marten rebuilds each of the ledger's projections over a store of a million events, and how
/// long loading an account at an old version takes. The Markdown report goes to standard output and progress to
/// standard error.
/// </summary>
internal static class Program
{
    private const int UsageExitCode = 2;
    private const int CancelledExitCode = 130;

    public static async Task<int> Main(string[] args)
    {
        RebuildBenchOptions options;
        try
        {
            options = RebuildBenchOptions.Parse(args);
        }
        catch (RebuildBenchUsageException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync(RebuildBenchOptions.Usage);
            return UsageExitCode;
        }

        if (options.ShowHelp)
        {
            await Console.Out.WriteLineAsync(RebuildBenchOptions.Usage);
            return 0;
        }

        return await RunAsync(options);
    }

    private static async Task<int> RunAsync(RebuildBenchOptions options)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = true;
            cancellation.Cancel();
        };

        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("Marten", LogLevel.Warning)
            .AddFilter("JasperFx", LogLevel.Warning));
        try
        {
            await using var database = await BenchDatabase.StartAsync(options.Keep, loggers, cancellation.Token);
            var runner = new RebuildBenchRunner(options, database.ConnectionString, loggers);
            var report = await runner.RunAsync(cancellation.Token);
            MarkdownReport.Write(Console.Out, report);
            return 0;
        }
        catch (EmbeddedPostgresException error)
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
