using EnterpriseLedger.FeedBench;

FeedBenchOptions options;
try
{
    options = FeedBenchOptions.Parse(args);
}
catch (FormatException error)
{
    await Console.Error.WriteLineAsync($"{error.Message}\n{FeedBenchOptions.Usage}");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, stop) =>
{
    stop.Cancel = true;
    cancellation.Cancel();
};

var report = await FeedBenchmark.RunAsync(options, cancellation.Token);
Console.WriteLine(report);
return 0;
