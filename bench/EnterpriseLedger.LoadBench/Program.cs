using EnterpriseLedger.Host.Database;
using EnterpriseLedger.LoadBench;
using Microsoft.Extensions.Logging;

// Measures the HTTP API on 127.0.0.1: reads and writes at a fixed concurrency, reported as Markdown on standard
// output. Progress and errors go to standard error.
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // Cancelling rather than exiting lets the run stop the host and PostgreSQL and delete its folder.
    press.Cancel = true;
    cancellation.Cancel();
};

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
var logger = loggerFactory.CreateLogger("EnterpriseLedger.LoadBench");

try
{
    var options = LoadOptions.Parse(args);
    return await new LoadBenchmark(options, logger).RunAsync(cancellation.Token);
}
catch (LoadUsageException error)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}
catch (LoadSetupException error)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 1;
}
catch (EmbeddedPostgresException error)
{
    await Console.Error.WriteLineAsync($"PostgreSQL is unavailable: {error.Message}");
    return 3;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled. The host and PostgreSQL were stopped.");
    return 130;
}
