using System.Collections.Concurrent;

namespace EnterpriseLedger.Host.Feed;

/// <summary>
/// The holes in the event sequence that the feed has seen: a sequence number that a transaction took but whose event
/// is not visible. That transaction may still commit the event, or it rolled back and the number stays unused. The
/// feed serves nothing past a hole until it can tell which, so it records when it first saw each hole.
/// </summary>
public sealed class FeedGaps
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _open = new();
    private readonly ConcurrentDictionary<long, bool> _unused = new();

    public bool IsKnownUnused(long sequence) => _unused.ContainsKey(sequence);

    /// <summary>
    /// Returns when the hole was first seen, recording <paramref name="now"/> if this is the first time.
    /// </summary>
    public DateTimeOffset FirstSeen(long sequence, DateTimeOffset now) => _open.GetOrAdd(sequence, now);

    /// <summary>
    /// Records that no transaction can still commit the number, so the feed passes over it from now on.
    /// </summary>
    public void MarkUnused(long sequence)
    {
        _unused[sequence] = true;
        _open.TryRemove(sequence, out _);
    }

    /// <summary>Forgets a hole that its event has filled.</summary>
    public void MarkFilled(long sequence) => _open.TryRemove(sequence, out _);
}
