using System.Globalization;

namespace EnterpriseLedger.Bench;

/// <summary>Writes the report as Markdown tables, ready to paste into docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    public static void Write(TextWriter output, BenchReport report)
    {
        WriteSummary(output, report);
        WriteMedians(output, report.Runs);
        WriteClientSteps(output, report);
        WriteRuns(output, report.Runs);
    }

    private static void WriteSummary(TextWriter output, BenchReport report)
    {
        var machine = report.Machine;
        var options = report.Options;
        var first = report.Runs[0];
        var same = report.Runs.All(run => run.Events == first.Events && run.Outcomes == first.Outcomes);
        output.WriteLine($"## Migration of {Count(options.Companies)} companies");
        output.WriteLine();
        Row(output, "", "");
        Row(output, "---", "---");
        Row(output, "machine", $"{machine.Processors} processors ({machine.CpuModel}), {machine.Memory}");
        Row(output, "system", $"{machine.System}, {machine.Runtime}");
        Row(output, "database", report.Database);
        var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
        var megabytes = Number(report.InputBytes / 1e6, "F1");
        Row(output, "input", $"{Count(options.Companies)} companies, seed {seed}, {megabytes} MB of NDJSON");
        Row(output, "events per run", Count(first.Events));
        Row(output, "outcomes", first.Outcomes);
        Row(output, "every run the same events and outcomes", same ? "yes" : "no");
        Row(output, "runs", $"{Count(options.Runs)} per variant and batch size");
        output.WriteLine();
    }

    /// <summary>Writes the median of each column over the runs of one variant and batch size.</summary>
    private static void WriteMedians(TextWriter output, IReadOnlyList<RunMeasurement> runs)
    {
        output.WriteLine("### Medians");
        output.WriteLine();
        Row(output, "variant", "batch size", "seconds", "client CPU s", "companies/s", "events/s", "COPY rows/s",
            "ratio");
        Row(output, "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        foreach (var group in runs.GroupBy(run => (run.Variant, run.BatchSize)))
        {
            Row(output,
                group.Key.Variant,
                Count(group.Key.BatchSize),
                Number(Statistics.Median(group.Select(run => run.Migration.TotalSeconds)), "F2"),
                Number(Statistics.Median(group.Select(run => run.ClientCpu.TotalSeconds)), "F2"),
                Rate(Statistics.Median(group.Select(run => run.CompaniesPerSecond))),
                Rate(Statistics.Median(group.Select(run => run.EventsPerSecond))),
                Rate(Statistics.Median(group.Select(run => run.CopyRowsPerSecond))),
                Number(Statistics.Median(group.Select(run => run.Ratio)), "F3"));
        }

        output.WriteLine();
    }

    private static void WriteClientSteps(TextWriter output, BenchReport report)
    {
        output.WriteLine($"### Client-side steps without a database (median of {Count(report.Options.Runs)})");
        output.WriteLine();
        Row(output, "step", "seconds");
        Row(output, "---", "---:");
        foreach (var (step, median) in report.ClientSteps)
        {
            Row(output, step, Number(median.TotalSeconds, "F2"));
        }

        output.WriteLine();
    }

    private static void WriteRuns(TextWriter output, IReadOnlyList<RunMeasurement> runs)
    {
        output.WriteLine("### Every run");
        output.WriteLine();
        Row(output, "variant", "batch size", "run", "load before", "seconds", "client CPU s", "companies/s",
            "events/s", "COPY seconds", "COPY rows/s", "ratio");
        Row(output, "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        foreach (var run in runs)
        {
            Row(output,
                run.Variant,
                Count(run.BatchSize),
                Count(run.Run),
                Number(run.LoadAverage, "F1"),
                Number(run.Migration.TotalSeconds, "F2"),
                Number(run.ClientCpu.TotalSeconds, "F2"),
                Rate(run.CompaniesPerSecond),
                Rate(run.EventsPerSecond),
                Number(run.Copy.TotalSeconds, "F2"),
                Rate(run.CopyRowsPerSecond),
                Number(run.Ratio, "F3"));
        }
    }

    private static void Row(TextWriter output, params string[] cells) =>
        output.WriteLine("| " + string.Join(" | ", cells) + " |");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
