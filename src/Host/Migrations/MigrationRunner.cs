using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Migrations;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>
/// Migrates a stream of companies, all or nothing for each. Companies are decided and written in batches, one
/// transaction per batch, for throughput. When a batch fails on a conflict, each of its companies is retried alone,
/// so that one conflicting company cannot fail the others.
/// </summary>
public sealed class MigrationRunner(IDocumentStore store, TimeProvider clock, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public int BatchSize { get; init; } = 100;

    public Guid RunId { get; } = Guid.CreateVersion7();

    public async IAsyncEnumerable<MigrationResult> RunAsync(
        IAsyncEnumerable<InputItem> items, string actorId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<InputItem>(BatchSize);
        var companiesInBatch = new HashSet<Guid>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            // A company given twice must see the first submission's result, so it starts a new batch.
            if (batch.Count == BatchSize || (item.CompanyId is { } id && companiesInBatch.Contains(id)))
            {
                foreach (var result in await ProcessAsync(batch, actorId, cancellationToken))
                {
                    yield return result;
                }

                batch.Clear();
                companiesInBatch.Clear();
            }

            batch.Add(item);
            if (item.CompanyId is { } companyId)
            {
                companiesInBatch.Add(companyId);
            }
        }

        foreach (var result in await ProcessAsync(batch, actorId, cancellationToken))
        {
            yield return result;
        }
    }

    private async Task<IReadOnlyList<MigrationResult>> ProcessAsync(
        List<InputItem> batch, string actorId, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        try
        {
            return await WriteAsync(batch, actorId, cancellationToken);
        }
        catch (Exception error) when (batch.Count > 1 && MigrationConflicts.IsConflict(error))
        {
            MigrationLog.BatchRetried(_logger, batch.Count, error);
            var results = new List<MigrationResult>(batch.Count);
            foreach (var item in batch)
            {
                results.AddRange(await WriteAloneAsync(item, actorId, cancellationToken));
            }

            return results;
        }
    }

    private async Task<IReadOnlyList<MigrationResult>> WriteAloneAsync(
        InputItem item, string actorId, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync([item], actorId, cancellationToken);
        }
        catch (Exception error) when (MigrationConflicts.IsConflict(error))
        {
            var message = MigrationConflicts.Describe(error);
            MigrationLog.CompanyConflict(_logger, item.CompanyId, message);
            return [MigrationResult.Invalid(item, message)];
        }
    }

    private async Task<IReadOnlyList<MigrationResult>> WriteAsync(
        List<InputItem> batch, string actorId, CancellationToken cancellationToken)
    {
        var companies = batch.Select(Validate).ToList();
        await using var session = store.LightweightSession();
        session.CorrelationId = RunId.ToString();

        var ids = companies.Select(entry => entry.Company).OfType<Company>().Select(company => company.Id).ToArray();
        var statuses = (await session.LoadManyAsync<MigrationStatusView>(cancellationToken, ids))
            .ToDictionary(status => status.Id);

        var actor = new Actor(actorId, null, clock.GetUtcNow());
        var results = new List<MigrationResult>(batch.Count);
        foreach (var (item, company, error) in companies)
        {
            if (company is null)
            {
                results.Add(MigrationResult.Invalid(item, error ?? "invalid input"));
                continue;
            }

            var status = statuses.GetValueOrDefault(company.Id);
            var decision = MigrationPolicy.Decide(company, ToMigration(status), Request(item, actor));
            Append(session, decision, status);
            results.Add(MigrationResult.From(item, company, decision));
        }

        await session.SaveChangesAsync(cancellationToken);
        return await AddExistingMembersAsync(session, results, cancellationToken);
    }

    private static (InputItem Item, Company? Company, string? Error) Validate(InputItem item)
    {
        if (item.Input is null)
        {
            return (item, null, item.Error?.ToString());
        }

        var (company, error) = CompanyValidator.Validate(item.Input);
        return (item, company, error?.ToString());
    }

    private static MigrationRequest Request(InputItem item, Actor actor)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.RawJson)));
        return new MigrationRequest(item.RawJson, hash, Guid.CreateVersion7(actor.At), actor);
    }

    internal static void Append(IDocumentSession session, MigrationDecision decision, MigrationStatusView? status)
    {
        foreach (var append in decision.Appends)
        {
            if (append.StartsStream)
            {
                session.Events.StartStream(append.StreamId, append.Events.ToArray());
            }
            else
            {
                // The expected version is the stream's version after the append; a racing writer gets a conflict.
                var expected = (status?.Version ?? 0) + append.Events.Count;
                session.Events.Append(append.StreamId, expected, append.Events.ToArray());
            }
        }
    }

    internal static CompanyMigration? ToMigration(MigrationStatusView? status)
    {
        if (status is null)
        {
            return null;
        }

        var outcome = status.Status switch
        {
            "migrated" => MigrationOutcome.Migrated,
            "not-required" => MigrationOutcome.NotRequired,
            "blocked" => MigrationOutcome.Blocked,
            _ => (MigrationOutcome?)null,
        };
        return new CompanyMigration(
            status.Id, status.Company, outcome, status.InputSha256,
            status.AccountId, status.AccountName, status.Reasons);
    }

    /// <summary>Fills in the members of companies migrated by an earlier run, from their Access views.</summary>
    private static async Task<IReadOnlyList<MigrationResult>> AddExistingMembersAsync(
        IQuerySession session, List<MigrationResult> results, CancellationToken cancellationToken)
    {
        var accountIds = results
            .Where(result => result is { Outcome: MigrationOutcome.AlreadyMigrated, AccountId: not null })
            .Select(result => result.AccountId ?? Guid.Empty)
            .ToArray();
        if (accountIds.Length == 0)
        {
            return results;
        }

        var views = (await session.LoadManyAsync<AccessView>(cancellationToken, accountIds))
            .ToDictionary(view => view.Id);
        return results.Select(result =>
            result.AccountId is { } id
            && result.Outcome == MigrationOutcome.AlreadyMigrated
            && views.TryGetValue(id, out var view)
                ? result with
                {
                    Members = view.Members
                        .Select(m => new MigratedMember(m.UserId, m.Email, m.Permissions))
                        .ToList(),
                }
                : result).ToList();
    }
}
