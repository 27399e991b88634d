using System.Diagnostics;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// Times loading the long account stream as it was at a version, each run in a new query session: the events up
/// to the version folded with the domain's <c>Evolve</c>, and Marten's live aggregation of the Access view. The
/// stored Access view, which is always the latest, is timed as the reference.
/// </summary>
internal sealed class TimeTravel(DocumentStore store, Guid streamId, ILogger logger)
{
    private const int WarmUpRuns = 3;

    public const string Fold = "FetchStreamAsync + EnterpriseAccount fold";
    public const string Aggregate = "AggregateStreamAsync<AccessView>";
    public const string StoredView = "LoadAsync<AccessView> (stored view, latest)";

    public async Task<List<LoadMeasurement>> MeasureAsync(
        IReadOnlyList<int> versions, int runs, long latest, CancellationToken cancellationToken)
    {
        var measurements = new List<LoadMeasurement>();
        foreach (var version in versions)
        {
            await CheckSameStateAsync(version, cancellationToken);
            measurements.Add(await TimeAsync(
                Fold, version, runs, session => FoldAsync(session, version, cancellationToken)));
            measurements.Add(await TimeAsync(
                Aggregate, version, runs, session => AggregateAsync(session, version, cancellationToken)));
        }

        measurements.Add(await TimeAsync(StoredView, latest, runs, session => LoadAsync(session, cancellationToken)));
        return measurements;
    }

    private async Task<LoadMeasurement> TimeAsync(
        string method, long version, int runs, Func<IQuerySession, Task<int>> load)
    {
        var times = new List<TimeSpan>();
        for (var run = -WarmUpRuns; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using (var session = store.QuerySession())
            {
                await load(session);
            }

            if (run >= 0)
            {
                times.Add(stopwatch.Elapsed);
            }
        }

        var measurement = new LoadMeasurement(method, version, times);
        BenchLog.Loaded(logger, version, method, measurement.Median.TotalMilliseconds);
        return measurement;
    }

    /// <summary>Throws unless both ways of loading give the same members and permissions at the version.</summary>
    private async Task CheckSameStateAsync(int version, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, version, token: cancellationToken);
        var account = Aggregates.Fold<EnterpriseAccount>(events.Select(e => e.Data), EnterpriseAccount.Evolve);
        var view = await session.Events.AggregateStreamAsync<AccessView>(streamId, version, token: cancellationToken);
        var folded = account?.Members.Values
            .OrderBy(member => member.Email, StringComparer.Ordinal)
            .Select(member => $"{member.Email}={member.Permissions}");
        var aggregated = view?.Members.Select(member => $"{member.Email}={member.Permissions}");
        if (events.Count != version || view?.Version != version
            || !string.Join(";", folded ?? []).Equals(string.Join(";", aggregated ?? []), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The fold and the aggregation disagree at version {version}.");
        }
    }

    private async Task<int> FoldAsync(IQuerySession session, int version, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(streamId, version, token: cancellationToken);
        var account = Aggregates.Fold<EnterpriseAccount>(events.Select(e => e.Data), EnterpriseAccount.Evolve);
        return account?.Members.Count ?? 0;
    }

    private async Task<int> AggregateAsync(IQuerySession session, int version, CancellationToken cancellationToken)
    {
        var view = await session.Events.AggregateStreamAsync<AccessView>(streamId, version, token: cancellationToken);
        return view?.Members.Count ?? 0;
    }

    private async Task<int> LoadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<AccessView>(streamId, cancellationToken);
        return view?.Members.Count ?? 0;
    }
}

internal sealed record LoadMeasurement(string Method, long Version, IReadOnlyList<TimeSpan> Times)
{
    public TimeSpan Median => Statistics.Median(Times);

    public TimeSpan Min => Times.Min();

    public TimeSpan Max => Times.Max();
}
