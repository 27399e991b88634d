using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine.Runtime;

namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// Relays the global feed to RabbitMQ through Wolverine's durable outbox, one <see cref="RelayWindow"/> of events at
/// a time: one Marten transaction stores the window's outbox rows and the new <see cref="RelayCheckpoint"/>, and
/// after the commit the window is sent. Events that a crash leaves unsent are still in the outbox.
/// </summary>
/// <remarks>
/// <para>
/// The relay reads the feed, which serves only events below its safe point, so it never passes over an event that
/// commits late. One relay per exchange and database publishes, the holder of a <see cref="RelayLock"/>.
/// </para>
/// <para>
/// Order: a window is sent in feed order, one message at a time, each confirmed by the broker before the next.
/// Wolverine does not keep that order when it recovers outbox rows after a crash (WolverineFx.Postgresql 6.64 loads
/// them without an <c>order by</c>). So the relay keeps one window in flight: it reads the next window only when
/// the outbox has no row for the exchange. A relay that takes the lock and finds rows left by its predecessor
/// deletes them and enqueues that window again, in order, in one transaction. At the host's start it does so before
/// Wolverine starts, so Wolverine's recovery never finds them. Events that reached the broker before the crash
/// arrive twice then, with the same message id.
/// </para>
/// </remarks>
public sealed class BrokerRelay(
    BrokerOptions broker,
    RelayWindow window,
    RelayOutbox outbox,
    IWolverineRuntime runtime,
    NpgsqlDataSource dataSource,
    ILogger<BrokerRelay> logger) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PendingDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a window may wait in the outbox, with the broker reachable, before it is sent again.</summary>
    private static readonly TimeSpan StuckTimeout = TimeSpan.FromSeconds(30);

    private readonly RelayLock _lock = new(dataSource, broker.Exchange);
    private RelayCheckpoint? _checkpoint;
    private DateTime? _pendingSince;

    /// <summary>Takes over before Wolverine starts, so that its outbox recovery finds no row of a dead relay.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await TryTakeOverAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The host starts without the database too; the relay's loop tries again.
            BrokerLog.RelayFailed(logger, broker.Exchange, error);
            await ReleaseAsync();
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(await StepOrRecoverAsync(stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            BrokerLog.Stopped(logger, broker.Exchange);
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task<TimeSpan> StepOrRecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StepAsync(cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure (database, broker, a lost lock) ends this relay's turn. It takes the lock again from the
            // stored checkpoint, so nothing is skipped, and at worst the last window is sent twice.
            BrokerLog.RelayFailed(logger, broker.Exchange, error);
            await ReleaseAsync();
            return FailureDelay;
        }
    }

    /// <summary>Does one step and returns how long to wait before the next.</summary>
    private async Task<TimeSpan> StepAsync(CancellationToken cancellationToken)
    {
        if (_checkpoint is null && !await TryTakeOverAsync(cancellationToken))
        {
            return LockRetryDelay;
        }

        await _lock.CheckAsync(cancellationToken);
        var checkpoint = _checkpoint ?? throw new InvalidOperationException("The relay has no checkpoint.");
        var pending = await outbox.CountPendingAsync(cancellationToken);
        if (pending > 0 && !IsStuck())
        {
            return PendingDelay;
        }

        if (pending > 0)
        {
            BrokerLog.Stuck(logger, broker.Exchange, pending, StuckTimeout.TotalSeconds);
            checkpoint = await window.RewindAsync(checkpoint, cancellationToken);
        }

        _pendingSince = null;
        var (next, count) = await window.EnqueueAndSendAsync(checkpoint, cancellationToken);
        _checkpoint = next;
        BrokerLog.Sent(logger, count, broker.Exchange, next.Enqueued);
        return count > 0 ? TimeSpan.Zero : IdleDelay;
    }

    /// <summary>
    /// Returns whether the window has waited in the outbox for longer than <see cref="StuckTimeout"/> although
    /// Wolverine's sending agent is not paused for an unreachable broker: then a row lost its message, for example
    /// when deleting it after the send failed, and only sending the window again moves the relay on.
    /// </summary>
    private bool IsStuck()
    {
        _pendingSince ??= DateTime.UtcNow;
        var latched = runtime.Endpoints.GetOrBuildSendingAgent(broker.Destination).Latched;
        return !latched && DateTime.UtcNow - _pendingSince > StuckTimeout;
    }

    private async Task<bool> TryTakeOverAsync(CancellationToken cancellationToken)
    {
        if (!await _lock.TryAcquireAsync(cancellationToken))
        {
            return false;
        }

        var checkpoint = await window.LoadAsync(cancellationToken);
        var leftover = await outbox.CountPendingAsync(cancellationToken);
        if (leftover > 0)
        {
            checkpoint = await window.RewindAsync(checkpoint, cancellationToken);
            BrokerLog.Rewound(logger, broker.Exchange, leftover, checkpoint.Enqueued);
        }

        _checkpoint = checkpoint;
        _pendingSince = null;
        BrokerLog.TookOver(logger, broker.Exchange, checkpoint.Enqueued);
        return true;
    }

    private async Task ReleaseAsync()
    {
        _checkpoint = null;
        await _lock.DisposeAsync();
    }
}
