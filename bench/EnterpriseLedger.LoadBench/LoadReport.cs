using System.Globalization;
using System.Text;

namespace EnterpriseLedger.LoadBench;

/// <summary>Writes the results of a run as Markdown: the settings, a table of the workloads and the machine.</summary>
internal static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ToMarkdown(
        LoadOptions options, IReadOnlyList<AccountTarget> accounts, IReadOnlyList<LoadResult> results,
        MachineDescription machine)
    {
        var text = new StringBuilder();
        AppendSettings(text, options, accounts);
        AppendTable(text, results);
        AppendStatuses(text, results);
        AppendMachine(text, machine);
        return text.ToString();
    }

    private static void AppendSettings(StringBuilder text, LoadOptions options, IReadOnlyList<AccountTarget> accounts)
    {
        var members = accounts.Sum(account => account.ViewOnlyMembers.Count);
        text.AppendLine(Invariant, $"{options.Concurrency} client workers on 127.0.0.1. Each worker sends its next")
            .AppendLine("request when the response to the previous one has arrived. Each workload runs for")
            .AppendLine(Invariant, $"{options.Seconds} s after {options.WarmupSeconds} s of unmeasured warm-up, on")
            .AppendLine(Invariant, $"{accounts.Count} accounts with {members} view-only members. Latencies are in ms.")
            .AppendLine();
    }

    private static void AppendTable(StringBuilder text, IReadOnlyList<LoadResult> results)
    {
        text.AppendLine("| workload | requests | requests/s | 2xx/s | p50 | p90 | p99 | max | 2xx | 409 | other |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var successRate = result.Successes / result.Elapsed.TotalSeconds;
            text.AppendLine(Invariant,
                $"| {result.Workload} | {result.Requests} | {result.RequestsPerSecond:F0} | {successRate:F0} "
                + $"| {result.Percentile(50):F1} | {result.Percentile(90):F1} | {result.Percentile(99):F1} "
                + $"| {result.Percentile(100):F1} | {result.Successes} | {result.Conflicts} | {result.Unexpected} |");
        }

        text.AppendLine();
    }

    private static void AppendStatuses(StringBuilder text, IReadOnlyList<LoadResult> results)
    {
        foreach (var result in results)
        {
            var statuses = result.Statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}");
            text.AppendLine(Invariant, $"- {result.Workload}: {string.Join(", ", statuses)}; "
                + $"no response: {result.Failures}; measured over {result.Elapsed.TotalSeconds:F1} s.");
            if (result.FirstUnexpected is { } unexpected)
            {
                text.AppendLine(Invariant, $"  First unexpected response: `{unexpected}`");
            }
        }

        text.AppendLine();
    }

    private static void AppendMachine(StringBuilder text, MachineDescription machine)
    {
        var gibibytes = machine.MemoryBytes / (1024.0 * 1024 * 1024);
        text.AppendLine(Invariant, $"Machine: {machine.ProcessorCount} CPUs (nproc), {machine.CpuModel},")
            .AppendLine(Invariant, $"{gibibytes:F0} GiB of memory, {machine.OperatingSystem}, {machine.Runtime},")
            .AppendLine(Invariant, $"PostgreSQL {machine.Postgres}. The client, the host and PostgreSQL share")
            .AppendLine("these CPUs.");
    }
}
