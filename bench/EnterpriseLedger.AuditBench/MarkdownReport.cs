using System.Globalization;

namespace EnterpriseLedger.AuditBench;

/// <summary>Writes the report as Markdown, ready to paste into docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    // The JSON export's peak memory counts as flat when the large account's is at most this factor of the small
    // account's. The margin is a judgment call, which allows for the runtime sizing its heap differently per run.
    private const double FlatMemoryFactor = 1.25;

    private const double SpeedAim = 0.5;

    public static void Write(TextWriter output, AuditBenchReport report)
    {
        var medians = MedianRow.Of(report.Measurements);
        WriteSummary(output, report);
        WriteMedians(output, medians);
        WriteAims(output, report, medians);
        WriteRuns(output, report.Measurements);
    }

    private static void WriteSummary(TextWriter output, AuditBenchReport report)
    {
        var machine = report.Machine;
        var options = report.Options;
        var loads = report.Measurements.Select(measurement => measurement.LoadBefore).ToList();
        output.WriteLine($"## Audit log export of {Count(options.Entries)} entries");
        output.WriteLine();
        Row(output, "", "");
        Row(output, "---", "---");
        Row(output, "machine", $"{machine.Processors} processors ({machine.CpuModel}), {machine.Memory}");
        Row(output, "system", $"{machine.System}, {machine.Runtime}");
        Row(output, "database", $"PostgreSQL {report.ServerVersion}, embedded, started by the benchmark");
        Row(output, "large account", Describe(report.LargeSeed));
        Row(output, "small account", Describe(report.SmallSeed));
        Row(output, "chain check", $"`audit verify` of the small account's JSON archive: {report.Probe.VerifyOutput}");
        Row(output, "runs", $"{Count(options.Runs)} of each case, in rounds; medians below");
        Row(output, "load average before runs", $"{Number(loads.Min(), "F1")} to {Number(loads.Max(), "F1")}");
        Row(output, "command", "`dotnet run -c Release --project bench/EnterpriseLedger.AuditBench -- "
            + $"--entries {options.Entries.ToString(CultureInfo.InvariantCulture)} "
            + $"--runs {options.Runs.ToString(CultureInfo.InvariantCulture)}`");
        output.WriteLine();
    }

    private static string Describe(SeedResult seed)
    {
        var megabytes = Number(seed.BodyBytes / 1e6, "F0");
        var average = Count(seed.BodyBytes / seed.Entries);
        var seconds = Number(seed.Elapsed.TotalSeconds, "F1");
        var rate = Count((long)(seed.Entries / seed.Elapsed.TotalSeconds));
        return $"{Count(seed.Entries)} generated entries after those of its migration, {megabytes} MB of bodies "
            + $"({average} bytes on average); generated, hashed and written by binary COPY in {seconds} s "
            + $"({rate} entries/s)";
    }

    private static void WriteMedians(TextWriter output, IReadOnlyList<MedianRow> medians)
    {
        output.WriteLine("### Medians");
        output.WriteLine();
        Row(output, "tool", "format", "entries", "output MB", "seconds", "MB/s", "entries/s", "CPU s", "peak RSS MB",
            "speed vs COPY", "MB/s vs COPY");
        Row(output, "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        foreach (var row in medians)
        {
            var baseline = row.Baseline(medians);
            Row(output,
                row.Case.Tool,
                row.Case.Format,
                Count(row.Entries),
                Number(row.Megabytes, "F0"),
                Number(row.Seconds, "F2"),
                Number(row.MegabytesPerSecond, "F1"),
                Count((long)row.EntriesPerSecond),
                Number(row.CpuSeconds, "F2"),
                Number(row.PeakMegabytes, "F0"),
                baseline is null ? "" : Number(row.SpeedRatio(baseline), "F2"),
                baseline is null ? "" : Number(row.MegabytesPerSecond / baseline.MegabytesPerSecond, "F2"));
        }

        output.WriteLine();
        output.WriteLine("Speed vs COPY divides the export's entries/s by those of the COPY of the same account "
            + "and format; MB/s vs COPY divides the rates of bytes written, whose contents differ.");
        output.WriteLine();
    }

    private static void WriteAims(TextWriter output, AuditBenchReport report, IReadOnlyList<MedianRow> medians)
    {
        output.WriteLine("### Aims");
        output.WriteLine();
        foreach (var row in medians.Where(row => row.Case.IsLedger))
        {
            if (row.Baseline(medians) is not { } baseline)
            {
                continue;
            }

            var ratio = row.SpeedRatio(baseline);
            output.WriteLine($"- {row.Case.Format} export of {Count(row.Entries)} entries at {Number(ratio, "F2")} of "
                + $"COPY's speed, against an aim of {Number(SpeedAim, "F1")} or more: {MetOrNot(ratio >= SpeedAim)}.");
        }

        var exports = medians.Where(row => row is { Case.IsLedger: true, Case.Format: "json" })
            .OrderBy(row => row.Entries).ToList();
        if (exports.Count == 2)
        {
            var factor = exports[1].PeakMegabytes / exports[0].PeakMegabytes;
            output.WriteLine($"- Peak RSS of the JSON export: {Number(exports[0].PeakMegabytes, "F0")} MB for "
                + $"{Count(exports[0].Entries)} entries, {Number(exports[1].PeakMegabytes, "F0")} MB for "
                + $"{Count(exports[1].Entries)} ({Number(factor, "F2")} times). Aim, read as at most "
                + $"{Number(FlatMemoryFactor, "F2")} times: {MetOrNot(factor <= FlatMemoryFactor)}.");
        }

        output.WriteLine("- ndjson: not measured, because this benchmark measures JSON and CSV only.");
        if (report.Probe.CsvProblem is { } problem)
        {
            output.WriteLine($"- CSV export: not measured, because {problem}.");
        }

        output.WriteLine();
    }

    private static void WriteRuns(TextWriter output, IReadOnlyList<Measurement> measurements)
    {
        output.WriteLine("### Every run");
        output.WriteLine();
        Row(output, "tool", "format", "entries", "run", "load before", "seconds", "MB/s", "CPU s", "peak RSS MB");
        Row(output, "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        foreach (var measurement in measurements)
        {
            Row(output,
                measurement.Case.Tool,
                measurement.Case.Format,
                Count(measurement.Entries),
                Count(measurement.Run),
                Number(measurement.LoadBefore, "F1"),
                Number(measurement.Usage.WallSeconds, "F2"),
                Number(measurement.MegabytesPerSecond, "F1"),
                Number(measurement.Usage.CpuSeconds, "F2"),
                Number(measurement.Usage.MaxResidentMegabytes, "F0"));
        }
    }

    private static string MetOrNot(bool met) => met ? "met" : "**not met**";

    private static void Row(TextWriter output, params string[] cells) =>
        output.WriteLine("| " + string.Join(" | ", cells) + " |");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
