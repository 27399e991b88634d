using System.Globalization;

namespace EnterpriseLedger.RebuildBench;

/// <summary>Writes the report as Markdown tables, ready to paste into docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    public static void Write(TextWriter output, RebuildBenchReport report)
    {
        WriteSummary(output, report);
        WriteRebuilds(output, report);
        WriteLoads(output, report);
        WriteCheck(output, report.Check);
    }

    private static void WriteSummary(TextWriter output, RebuildBenchReport report)
    {
        var machine = report.Machine;
        var seed = report.Seed;
        output.WriteLine($"### {Count(seed.Events)} events");
        output.WriteLine();
        Row(output, "", "");
        Row(output, "---", "---");
        Row(output, "machine", $"{machine.Processors} processors ({machine.CpuModel}), {machine.Memory}");
        Row(output, "system", $"{machine.System}, {machine.Runtime}");
        Row(output, "database", report.Database);
        Row(output, "load average before", Number(report.LoadAverageBefore, "F1"));
        Row(output, "store", $"{Count(seed.Events)} events in {Count(seed.Streams)} streams: {Count(seed.Companies)} "
            + $"companies (seed {report.Options.Seed}), {Count(seed.Tokens)} tokens, one account stream of "
            + $"{Count(report.Options.StreamEvents)} events");
        Row(output, "companies left out (stream or account name taken)", Count(seed.SkippedCompanies));
        Row(output, "seeding (generate, decide, bulk COPY)",
            $"{Number(seed.Elapsed.TotalSeconds, "F1")} s, {Rate(seed.EventsPerSecond)} events/s");
        output.WriteLine();
    }

    private static void WriteRebuilds(TextWriter output, RebuildBenchReport report)
    {
        var runs = report.Options.RebuildRuns == 1 ? "one run each" : $"median of {Count(report.Options.RebuildRuns)}";
        output.WriteLine($"#### Rebuilds over the whole store ({runs})");
        output.WriteLine();
        Row(output, "projection", "rows after", "seconds", "events/s", "load before");
        Row(output, "---", "---:", "---:", "---:", "---:");
        foreach (var rebuild in report.Rebuilds)
        {
            Row(output,
                rebuild.Projection,
                $"{Count(rebuild.Runs[^1].Rows)} {rebuild.RowsName}",
                Number(rebuild.MedianSeconds, "F1"),
                Rate(rebuild.EventsPerSecond),
                Number(rebuild.Runs[0].LoadAverage, "F1"));
        }

        output.WriteLine();
    }

    private static void WriteLoads(TextWriter output, RebuildBenchReport report)
    {
        output.WriteLine(
            $"#### Loading the account of {Count(report.Options.StreamEvents)} events at a version "
            + $"(ms, {Count(report.Options.Runs)} runs)");
        output.WriteLine();
        Row(output, "method", "version", "median", "min", "max");
        Row(output, "---", "---:", "---:", "---:", "---:");
        foreach (var load in report.Loads)
        {
            Row(output, load.Method, Count(load.Version), Milliseconds(load.Median), Milliseconds(load.Min),
                Milliseconds(load.Max));
        }

        output.WriteLine();
    }

    private static void WriteCheck(TextWriter output, CheckMeasurement? check)
    {
        if (check is null)
        {
            return;
        }

        output.WriteLine(
            $"`projections check` of all {check.Views} views: {Number(check.Elapsed.TotalSeconds, "F1")} s, "
            + $"drift in {check.Drifted}.");
    }

    private static void Row(TextWriter output, params string[] cells) =>
        output.WriteLine("| " + string.Join(" | ", cells) + " |");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(TimeSpan value) => Number(value.TotalMilliseconds, "F2");

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
