namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// The relay's place in the feed, one document per exchange (<see cref="Id"/> is the exchange name). The relay's
/// last window of events is <c>(Previous, Enqueued]</c>: everything up to <see cref="Previous"/> has reached the
/// broker, and the window is in Wolverine's outbox or delivered.
/// </summary>
public sealed record RelayCheckpoint(string Id, long Previous, long Enqueued)
{
    /// <summary>Returns the checkpoint after a window that ends at <paramref name="next"/>.</summary>
    public RelayCheckpoint Advance(long next) => this with { Previous = Enqueued, Enqueued = next };

    /// <summary>Returns the checkpoint that enqueues the last window again.</summary>
    public RelayCheckpoint Rewind() => this with { Enqueued = Previous };
}
