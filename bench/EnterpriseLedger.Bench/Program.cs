using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Bench;

/// <summary>
/// Measures how fast <c>./ledger migrate</c> writes a generated batch, next to a raw binary COPY of the same rows.
/// The Markdown report goes to standard output and progress to standard error.
/// </summary>
internal static class Program
{
    private const int UsageExitCode = 2;
    private const int CancelledExitCode = 130;

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (BenchUsageException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return UsageExitCode;
        }

        if (options.ShowHelp)
        {
            await Console.Out.WriteLineAsync(BenchOptions.Usage);
            return 0;
        }

        return await RunAsync(options);
    }

    private static async Task<int> RunAsync(BenchOptions options)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = true;
            cancellation.Cancel();
        };

        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        try
        {
            await using var database = await BenchDatabase.OpenAsync(options.Keep, loggers, cancellation.Token);
            var report = await new BenchRunner(options, database, loggers).RunAsync(cancellation.Token);
            MarkdownReport.Write(Console.Out, report);
            return 0;
        }
        catch (Exception error) when (error is BenchUsageException or EmbeddedPostgresException)
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
