using System.Globalization;
using System.Text;

namespace EnterpriseLedger.FeedBench;

/// <summary>The benchmark's figures, printed as a Markdown section for docs/benchmarks.md.</summary>
internal sealed class FeedReport(FeedBenchOptions options)
{
    public List<double> ReadRates { get; } = [];

    public double RelayDrainRate { get; set; }

    public int Appended { get; set; }

    public List<double> SseLags { get; set; } = [];

    public List<double> RabbitLags { get; set; } = [];

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        Line(text, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}.");
        Line(text, $"Backlog {options.Backlog:N0} events; lag run {options.Seconds} s at {options.Rate:N0} events/s "
            + $"over {options.Accounts} accounts ({Appended:N0} events appended).");
        Line(text, "");
        Line(text, "| measure | result |");
        Line(text, "|---|---|");
        Line(text, $"| feed read, pages of 1,000 (median of {ReadRates.Count}) | {Median(ReadRates):N0} events/s |");
        Line(text, $"| relay send of the backlog to RabbitMQ | {RelayDrainRate:N0} events/s |");
        Line(text, $"| lag, live stream (SSE): p50 / p99 / max | {Lag(SseLags)} |");
        Line(text, $"| lag, RabbitMQ: p50 / p99 / max | {Lag(RabbitLags)} |");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Lag(List<double> lags) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Percentile(lags, 0.50):N0} / {Percentile(lags, 0.99):N0} / {lags.DefaultIfEmpty().Max():N0} ms");

    private static double Median(List<double> values) => Percentile(values, 0.5);

    /// <summary>Returns the nearest-rank percentile, 0 for no values.</summary>
    private static double Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        var model = File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return model?.Split(':', 2)[1].Trim() ?? "unknown processor";
    }
}
