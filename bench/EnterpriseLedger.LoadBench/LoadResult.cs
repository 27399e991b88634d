using System.Net;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// The outcome of one workload: how many requests completed in how long, their latency percentiles, and how many
/// got each status. Latencies include the requests that got no response.
/// </summary>
internal sealed record LoadResult(
    string Workload,
    TimeSpan Elapsed,
    IReadOnlyList<double> SortedMilliseconds,
    IReadOnlyDictionary<int, long> Statuses,
    long Failures,
    string? FirstUnexpected)
{
    public long Requests => SortedMilliseconds.Count;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public long Successes => Statuses.Where(pair => pair.Key is >= 200 and < 300).Sum(pair => pair.Value);

    public long Conflicts => Statuses.GetValueOrDefault((int)HttpStatusCode.Conflict);

    /// <summary>Requests that got a status other than 2xx and 409, or no response at all.</summary>
    public long Unexpected => Requests - Successes - Conflicts;

    /// <summary>A 2xx, or a 409 from a write that lost the race for its account's stream.</summary>
    public static bool IsExpected(HttpStatusCode status) =>
        (int)status is >= 200 and < 300 || status == HttpStatusCode.Conflict;

    /// <summary>
    /// Returns the latency at or below which <paramref name="percent"/> of requests finished, by nearest rank.
    /// </summary>
    public double Percentile(double percent)
    {
        if (Requests == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * Requests);
        return SortedMilliseconds[Math.Clamp(rank, 1, (int)Requests) - 1];
    }

    public static LoadResult Merge(string workload, IReadOnlyList<WorkerSample> samples, TimeSpan elapsed)
    {
        var latencies = samples.SelectMany(sample => sample.Latencies).Select(latency => latency.TotalMilliseconds);
        var statuses = samples
            .SelectMany(sample => sample.Statuses)
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
        var failures = samples.Sum(sample => sample.Failures);
        var firstUnexpected = samples.Select(sample => sample.FirstUnexpected).FirstOrDefault(t => t is not null);
        return new LoadResult(workload, elapsed, [.. latencies.Order()], statuses, failures, firstUnexpected);
    }
}
