using System.Collections.Concurrent;
using System.Diagnostics;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Tokens;
using Marten;

namespace EnterpriseLedger.FeedBench;

/// <summary>
/// Appends events straight into the host's database through Marten, as <c>./ledger migrate</c> does: accounts are
/// created once, then renamed, each transaction touching different accounts.
/// </summary>
internal sealed class EventWriter(IDocumentStore store, int accounts)
{
    private readonly Guid[] _accounts = [.. Enumerable.Range(0, accounts).Select(_ => Guid.NewGuid())];
    private long _renames;

    /// <summary>Commit times of the events that <see cref="RunSteadyAsync"/> appended, in Stopwatch ticks.</summary>
    public ConcurrentDictionary<Guid, long> Committed { get; } = new();

    public async Task CreateAccountsAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        foreach (var account in _accounts)
        {
            var created = new AccountCreated(account, $"bench-{account:N}", Guid.NewGuid(), Actor());
            session.Events.StartStream(account, created);
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Appends <paramref name="count"/> events in transactions of 1,000, one after another.</summary>
    public async Task SeedAsync(int count, CancellationToken cancellationToken)
    {
        for (var written = 0; written < count; written += 1_000)
        {
            await AppendAsync(Math.Min(1_000, count - written), record: false, cancellationToken);
        }
    }

    /// <summary>
    /// Appends at <paramref name="rate"/> events a second for <paramref name="duration"/>, in a transaction of
    /// 10 events every 10 ms, catching up when a commit took longer, and records each event's commit time.
    /// </summary>
    public async Task RunSteadyAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        long appended = 0;
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate) - appended;
            if (due > 0)
            {
                await AppendAsync((int)Math.Min(due, _accounts.Length), record: true, cancellationToken);
                appended += Math.Min(due, _accounts.Length);
            }
        }
    }

    public async Task<string> IssueServiceTokenAsync()
    {
        var actor = Actor();
        var token = TokenSecret.Generate();
        var tokenId = Guid.CreateVersion7(actor.At);
        var request = TokenRequest.ForService("feedbench", [TokenScopes.EventsRead], actor.At.AddDays(1));
        var decision = TokenDecisions.Issue(tokenId, TokenSecret.Hash(token), request, actor);
        await using var session = store.LightweightSession();
        session.Events.StartStream(tokenId, decision.Events.ToArray());
        await session.SaveChangesAsync();
        return token;
    }

    private async Task AppendAsync(int count, bool record, CancellationToken cancellationToken)
    {
        var appends = new List<JasperFx.Events.StreamAction>(count);
        await using var session = store.LightweightSession();
        for (var index = 0; index < count; index++)
        {
            var rename = Interlocked.Increment(ref _renames);
            var account = _accounts[rename % _accounts.Length];
            var renamed = new AccountRenamed(account, $"bench-{rename - 1}", $"bench-{rename}", Actor());
            appends.Add(session.Events.Append(account, renamed));
        }

        await session.SaveChangesAsync(cancellationToken);
        var committedAt = Stopwatch.GetTimestamp();
        if (record)
        {
            foreach (var appended in appends.SelectMany(append => append.Events))
            {
                Committed[appended.Id] = committedAt;
            }
        }
    }

    private static Actor Actor() => new("system:feedbench", null, DateTimeOffset.UtcNow);
}
