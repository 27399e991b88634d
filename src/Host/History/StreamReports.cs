using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// Builds <see cref="StreamReport"/>s: a stream's whole history, or its state at a version or an instant through
/// Marten's time travel (<c>FetchStreamAsync</c> with a version or a timestamp) and the aggregate's own fold.
/// </summary>
public static class StreamReports
{
    /// <summary>
    /// Returns every event of the stream with the state after it and what it changed, or null when the stream has no
    /// events.
    /// </summary>
    /// <remarks>
    /// NOTE: the whole stream and one state per event are held in memory, so the report of a stream with many
    /// thousands of events on a large account takes a correspondingly large amount of memory and output.
    /// </remarks>
    public static async Task<StreamReport?> HistoryAsync(
        IQuerySession session, StreamReference stream, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(stream.Id, token: token);
        return events.Count == 0 ? null : History(stream, events);
    }

    public static StreamReport History(StreamReference stream, IReadOnlyList<IEvent> events)
    {
        var reported = new List<ReportedEvent>(events.Count);
        object? state = null;
        JsonNode? before = null;
        foreach (var @event in events)
        {
            state = StreamKinds.Evolve(stream.Kind, state, @event.Data);
            var after = HistoryJson.ToNode(state);
            reported.Add(Report(@event) with { State = after, Changes = StateDiff.Between(before, after) });
            before = after;
        }

        return new StreamReport(stream, events[^1].Version, events[^1].Timestamp, before, reported);
    }

    /// <summary>
    /// Returns the state at <paramref name="at"/> with the events up to it, or an error message when the stream has
    /// no state there: a version past its end, or a time before its first event.
    /// </summary>
    public static async Task<(StreamReport? Report, string? Error)> StateAtAsync(
        IQuerySession session, StreamReference stream, StreamPoint at, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(
            stream.Id, version: at.Version ?? 0, timestamp: at.Timestamp, token: token);
        if (events.Count > 0 && at.Version is { } version && events[^1].Version < version)
        {
            return (null, $"Version {version} is past the end of the {stream.Describe()}, which is at version "
                + $"{events[^1].Version}; pick a version from 1 to {events[^1].Version}.");
        }

        if (events.Count == 0)
        {
            return (null, await NothingAtAsync(session, stream, at, token));
        }

        var state = StreamKinds.Fold(stream.Kind, events.Select(@event => @event.Data));
        var last = events[^1];
        var report = new StreamReport(
            stream, last.Version, last.Timestamp, HistoryJson.ToNode(state), events.Select(Report).ToList());
        return (report, null);
    }

    private static async Task<string> NothingAtAsync(
        IQuerySession session, StreamReference stream, StreamPoint at, CancellationToken token)
    {
        var first = await session.Events.FetchStreamAsync(stream.Id, version: 1, token: token);
        if (first.Count == 0)
        {
            return $"The {stream.Describe()} has no events.";
        }

        var began = StateText.FormatTime(first[0].Timestamp);
        return $"{at} is before the {stream.Describe()} began at {began}; pick a time from {began} on.";
    }

    private static ReportedEvent Report(IEvent @event) => new(
        @event.Version,
        @event.Sequence,
        @event.Id,
        @event.EventType.Name,
        @event.Timestamp,
        StreamKinds.ActorOf(@event.Data),
        @event.CorrelationId,
        @event.CausationId,
        @event.Headers,
        HistoryJson.ToNode(@event.Data));
}
