using System.Globalization;

namespace EnterpriseLedger.AuditBench;

/// <summary>What GNU time (<c>/usr/bin/time -v</c>) reports for one process.</summary>
internal sealed record ResourceUsage(double WallSeconds, double CpuSeconds, long MaxResidentKilobytes)
{
    public double MaxResidentMegabytes => MaxResidentKilobytes * 1024 / 1e6;

    /// <summary>Reads the report of <c>time -v</c>, one "name: value" per line.</summary>
    public static ResourceUsage Parse(IEnumerable<string> lines)
    {
        var values = lines
            .Select(line => line.Trim())
            .Where(line => line.Contains(": ", StringComparison.Ordinal))
            .Select(line => (Name: line[..line.LastIndexOf(": ", StringComparison.Ordinal)],
                Value: line[(line.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .GroupBy(pair => pair.Name)
            .ToDictionary(group => group.Key, group => group.First().Value);

        string Field(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new AuditBenchException($"The report of /usr/bin/time -v has no line '{name}'.");

        return new ResourceUsage(
            ParseElapsed(Field("Elapsed (wall clock) time (h:mm:ss or m:ss)")),
            ParseNumber(Field("User time (seconds)")) + ParseNumber(Field("System time (seconds)")),
            (long)ParseNumber(Field("Maximum resident set size (kbytes)")));
    }

    /// <summary>Reads "m:ss.ss" or "h:mm:ss" as seconds.</summary>
    private static double ParseElapsed(string text) =>
        text.Split(':').Aggregate(0.0, (seconds, part) => seconds * 60 + ParseNumber(part));

    private static double ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new AuditBenchException($"Invalid number '{text}' in the report of /usr/bin/time -v.");
}
