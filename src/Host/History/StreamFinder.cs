using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Migrations;
using EnterpriseLedger.Projections.Teams;
using Marten;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// Finds account, team and migration streams by id, or by name through the read views. Account names are unique,
/// team names only within an account, and company names are not checked for uniqueness at all.
/// </summary>
public static class StreamFinder
{
    /// <summary>
    /// Returns the stream with this id, or null when there is none or when it is another kind of stream, such as an
    /// API token's. The kind comes from the stream's first event, so a deleted team's stream is still found.
    /// </summary>
    public static async Task<StreamReference?> FindAsync(IQuerySession session, Guid id, CancellationToken token)
    {
        var first = await session.Events.FetchStreamAsync(id, version: 1, token: token);
        if (first.Count == 0 || StreamKinds.Of(first[0].Data) is not { } kind)
        {
            return null;
        }

        return kind switch
        {
            StreamKind.Account => new StreamReference(
                id, kind, (await session.LoadAsync<AccessView>(id, token))?.Name),
            StreamKind.Team => new StreamReference(
                id, kind, (await session.LoadAsync<TeamView>(id, token))?.Name,
                await AccountNameAsync(session, ((ITeamEvent)first[0].Data).AccountId, token)),
            _ => new StreamReference(
                id, kind, (await session.LoadAsync<MigrationStatusView>(id, token))?.Company),
        };
    }

    /// <summary>
    /// Returns the streams with this name, of the first kind that has any: accounts, then teams, then companies'
    /// migrations. With <paramref name="kind"/>, looks at that kind only. More than one match means the name is
    /// ambiguous; none means it is unknown.
    /// </summary>
    public static async Task<IReadOnlyList<StreamReference>> FindByNameAsync(
        IQuerySession session, string name, StreamKind? kind, CancellationToken token)
    {
        StreamKind[] kinds = kind is { } only ? [only] : [StreamKind.Account, StreamKind.Team, StreamKind.Migration];
        foreach (var candidate in kinds)
        {
            var matches = candidate switch
            {
                StreamKind.Account => await AccountsNamedAsync(session, name, token),
                StreamKind.Team => await TeamsNamedAsync(session, name, token),
                _ => await MigrationsNamedAsync(session, name, token),
            };
            if (matches.Count > 0)
            {
                return matches;
            }
        }

        return [];
    }

    private static async Task<IReadOnlyList<StreamReference>> AccountsNamedAsync(
        IQuerySession session, string name, CancellationToken token)
    {
        var accounts = await session.Query<AccessView>().Where(view => view.Name == name).ToListAsync(token);
        return accounts.Select(view => new StreamReference(view.Id, StreamKind.Account, view.Name)).ToList();
    }

    private static async Task<IReadOnlyList<StreamReference>> TeamsNamedAsync(
        IQuerySession session, string name, CancellationToken token)
    {
        var teams = await session.Query<TeamView>().Where(view => view.Name == name).ToListAsync(token);
        var accountIds = teams.Select(team => team.AccountId).Distinct().ToArray();
        var accounts = (await session.LoadManyAsync<AccessView>(token, accountIds))
            .ToDictionary(account => account.Id, account => account.Name);
        return teams
            .Select(team => new StreamReference(
                team.Id, StreamKind.Team, team.Name, accounts.GetValueOrDefault(team.AccountId)))
            .OrderBy(team => team.Account, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IReadOnlyList<StreamReference>> MigrationsNamedAsync(
        IQuerySession session, string name, CancellationToken token)
    {
        var migrations = await session.Query<MigrationStatusView>()
            .Where(view => view.Company == name)
            .ToListAsync(token);
        return migrations.Select(view => new StreamReference(view.Id, StreamKind.Migration, view.Company)).ToList();
    }

    private static async Task<string?> AccountNameAsync(
        IQuerySession session, Guid accountId, CancellationToken token) =>
        (await session.LoadAsync<AccessView>(accountId, token))?.Name;
}
