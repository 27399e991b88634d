using System.Net;

namespace EnterpriseLedger.LoadBench;

/// <summary>The latencies and statuses of one worker's requests. Only that worker writes to it.</summary>
internal sealed class WorkerSample
{
    public List<TimeSpan> Latencies { get; } = [];

    public Dictionary<int, long> Statuses { get; } = [];

    /// <summary>Requests that got no response: the connection failed or the client timed out.</summary>
    public long Failures { get; private set; }

    /// <summary>The request line, status and body of the first response with an unexpected status.</summary>
    public string? FirstUnexpected { get; set; }

    public void Add(TimeSpan latency, HttpStatusCode status)
    {
        Latencies.Add(latency);
        Statuses[(int)status] = Statuses.GetValueOrDefault((int)status) + 1;
    }

    public void AddFailure(TimeSpan latency)
    {
        Latencies.Add(latency);
        Failures++;
    }
}
