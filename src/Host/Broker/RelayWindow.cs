using EnterpriseLedger.Host.Feed;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// Enqueues one window of events in Wolverine's Marten outbox together with the relay's checkpoint, then sends it.
/// </summary>
public sealed class RelayWindow(
    BrokerOptions broker, FeedReader feed, RelayOutbox outbox, IDocumentStore store, OutboxedSessionFactory sessions,
    IWolverineRuntime runtime)
{
    public const int MaxEvents = 500;

    /// <summary>
    /// Wolverine.Marten's session listener that hands the outbox to the sending agent after the commit. The agent
    /// deletes each message's outbox row before it sends the next. A backlog of 3,020 events took 10 s that way and
    /// 3 s when the relay sent it (broker tests, 2 cores). So the relay removes the listener and sends the window.
    /// NOTE: this relies on the listener's name in WolverineFx.Marten 6.64. Under another name the listener stays,
    /// and the window goes through the agent, which is correct but slower.
    /// </summary>
    private const string FlushOnCommitListener = "FlushOutgoingMessagesOnCommit";

    /// <summary>Loads the checkpoint, or a new one at the start of the feed.</summary>
    public async Task<RelayCheckpoint> LoadAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<RelayCheckpoint>(broker.Exchange, cancellationToken)
            ?? new RelayCheckpoint(broker.Exchange, 0, 0);
    }

    /// <summary>
    /// Deletes the exchange's outbox rows and rewinds the checkpoint to the start of the last window, in one
    /// transaction, so that the next window enqueues those events again in order.
    /// </summary>
    public async Task<RelayCheckpoint> RewindAsync(RelayCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var rewound = checkpoint.Rewind();
        await using var session = store.LightweightSession();
        outbox.QueueDeletePending(session);
        session.Store(rewound);
        await session.SaveChangesAsync(cancellationToken);
        return rewound;
    }

    /// <summary>
    /// Reads the events after the checkpoint and stores their outbox rows and the new checkpoint in one transaction.
    /// After the commit it sends them in feed order, each confirmed by the broker, and deletes the rows of those
    /// sent. Returns the new checkpoint and the number of events.
    /// </summary>
    public async Task<(RelayCheckpoint Checkpoint, int Count)> EnqueueAndSendAsync(
        RelayCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var page = await feed.ReadAsync(new FeedQuery(checkpoint.Enqueued, MaxEvents, [], null), cancellationToken);
        if (page.Checkpoint <= checkpoint.Enqueued)
        {
            return (checkpoint, 0);
        }

        var context = new MessageContext(runtime);
        var next = checkpoint.Advance(page.Checkpoint);
        await using (var session = OpenSessionWithoutFlush(context))
        {
            foreach (var envelope in page.Events)
            {
                await context.PublishAsync(envelope, new DeliveryOptions { DeduplicationId = envelope.Id.ToString() });
            }

            session.Store(next);
            await session.SaveChangesAsync(cancellationToken);
        }

        // A message that fails here goes to the sending agent, which retries it, and its row stays until then.
        // NOTE: the rest of the window is still sent, so a failed message can arrive after later events of its
        // account; docs/limitations.md lists this.
        await context.SendAllOutgoingMessagesInlineAsync();
        return (next, page.Events.Count);
    }

    private IDocumentSession OpenSessionWithoutFlush(MessageContext context)
    {
        var session = sessions.OpenSession(context);
        foreach (var listener in session.Listeners.Where(IsFlushOnCommit).ToList())
        {
            session.Listeners.Remove(listener);
        }

        return session;
    }

    private static bool IsFlushOnCommit(object listener) => listener.GetType().Name == FlushOnCommitListener;
}
