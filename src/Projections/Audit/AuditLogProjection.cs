using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace EnterpriseLedger.Projections.Audit;

/// <summary>
/// Appends an audit entry for each event that concerns an account, inline, in the transaction of the events.
/// The draft and its canonical JSON are built here. The database then gives the entry its position, its time and
/// its hash in one statement that locks the account's chain head, so writers on different streams of one account
/// never fork the chain and never conflict over it.
/// </summary>
public sealed class AuditLogProjection : IProjection
{
    private readonly string _appendSql;

    public AuditLogProjection(string schema)
    {
        _appendSql = AuditSql.Append(schema);
    }

    public async Task ApplyAsync(
        IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var drafts = new List<(AuditEntryDraft Draft, string? AccountName)>();
        var accountNames = new Dictionary<Guid, string>();
        var teamNames = new Dictionary<Guid, string>();
        foreach (var @event in events)
        {
            RememberNames(@event.Data, accountNames, teamNames);
            if (AuditEntryMapper.Map(@event) is not { } draft)
            {
                continue;
            }

            if (draft is { TeamId: { } teamId, TeamName: null } && teamNames.TryGetValue(teamId, out var teamName))
            {
                draft = draft with { TeamName = teamName };
            }

            drafts.Add((draft, accountNames.GetValueOrDefault(draft.AccountId)));
        }

        if (drafts.Count == 0)
        {
            return;
        }

        var missingAccounts = drafts.Where(item => item.AccountName is null)
            .Select(item => item.Draft.AccountId).Distinct().ToArray();
        var missingTeams = drafts.Where(item => item.Draft.TeamName is null)
            .Select(item => item.Draft.TeamId).OfType<Guid>().Distinct().ToArray();
        var storedAccounts = missingAccounts.Length == 0
            ? []
            : await operations.LoadManyAsync<AccessView>(cancellation, missingAccounts);
        var storedTeams = missingTeams.Length == 0
            ? []
            : await operations.LoadManyAsync<TeamView>(cancellation, missingTeams);
        // A name stored before this batch is the one an entry without a name from the batch was written under, even
        // when a rename comes later in the batch.
        var storedAccountNames = storedAccounts.ToDictionary(account => account.Id, account => account.Name);
        var storedTeamNames = storedTeams.ToDictionary(team => team.Id, team => team.Name);

        // Chain heads are locked in account order, so two batches of this projection that touch the same accounts
        // take their locks in the same order and do not wait on each other in a cycle.
        foreach (var (draft, knownName) in drafts.OrderBy(item => item.Draft.AccountId))
        {
            var teamName = draft.TeamName
                ?? (draft.TeamId is { } id
                    ? storedTeamNames.GetValueOrDefault(id) ?? teamNames.GetValueOrDefault(id)
                    : null);
            var accountName = knownName
                ?? storedAccountNames.GetValueOrDefault(draft.AccountId)
                ?? accountNames.GetValueOrDefault(draft.AccountId);
            var body = AuditEntryBody.Build(draft, accountName, teamName);
            operations.QueueSqlCommand(
                _appendSql,
                draft.AccountId,
                body.Prefix,
                body.Suffix,
                draft.EventId,
                body.Prefix,
                body.Suffix,
                draft.EventId,
                draft.Type,
                draft.Action,
                draft.ActorKey,
                (object?)draft.TeamId ?? DBNull.Value,
                (object?)teamName ?? DBNull.Value,
                body.Prefix,
                body.Suffix);
        }
    }

    /// <summary>
    /// Records the account and team names that events of this batch set, for the entries that follow them.
    /// </summary>
    private static void RememberNames(object data, Dictionary<Guid, string> accounts, Dictionary<Guid, string> teams)
    {
        switch (data)
        {
            case AccountCreated e: accounts[e.AccountId] = e.Name; break;
            case AccountRenamed e: accounts[e.AccountId] = e.NewName; break;
            case MigrationCompleted e: accounts[e.AccountId] = e.AccountName; break;
            case MigrationNotRequired e: accounts[e.AccountId] = e.AccountName; break;
            case TeamAttached e: teams[e.TeamId] = e.Name; break;
            case TeamCreated e: teams[e.TeamId] = e.Name; break;
            case TeamRenamed e: teams[e.TeamId] = e.NewName; break;
        }
    }
}
