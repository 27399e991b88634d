using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// Runs a closed-loop load: each worker sends one request, waits for the whole response, and sends the next,
/// until the duration has passed. Requests still in flight at the end are waited for and counted.
/// </summary>
internal sealed class LoadRunner(HttpClient client, int concurrency, ILogger logger)
{
    public async Task<LoadResult> RunAsync(IWorkload workload, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency)
            .Select(worker => Task.Run(() => RunWorkerAsync(workload, worker, deadline, cancellationToken)));

        var samples = await Task.WhenAll(workers);
        return LoadResult.Merge(workload.Name, samples, Stopwatch.GetElapsedTime(started));
    }

    private async Task<WorkerSample> RunWorkerAsync(
        IWorkload workload, int worker, long deadline, CancellationToken cancellationToken)
    {
        var sample = new WorkerSample();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await SendAsync(workload, worker, sample, cancellationToken);
        }

        return sample;
    }

    private async Task SendAsync(
        IWorkload workload, int worker, WorkerSample sample, CancellationToken cancellationToken)
    {
        using var request = workload.Next(worker);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            sample.Add(Stopwatch.GetElapsedTime(started), response.StatusCode);
            workload.Completed(worker, response.StatusCode);
            if (!LoadResult.IsExpected(response.StatusCode) && sample.FirstUnexpected is null)
            {
                sample.FirstUnexpected = await DescribeAsync(request, response, cancellationToken);
                LoadBenchLog.UnexpectedStatus(logger, worker, sample.FirstUnexpected);
            }
        }
        catch (Exception error) when (IsTransportFailure(error, cancellationToken))
        {
            // Whether the host applied the request is unknown, so the workload does not record it and the worker
            // sends the same request again.
            sample.AddFailure(Stopwatch.GetElapsedTime(started));
            if (sample.Failures == 1)
            {
                LoadBenchLog.RequestFailed(logger, worker, request.RequestUri, error);
            }
        }
    }

    /// <summary>Returns true for a failed connection or a client timeout, false when the run is cancelled.</summary>
    private static bool IsTransportFailure(Exception error, CancellationToken cancellationToken) =>
        error is HttpRequestException
        || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static async Task<string> DescribeAsync(
        HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return $"{request.Method} {request.RequestUri} -> {(int)response.StatusCode}: {body}";
    }
}
