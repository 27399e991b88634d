using System.Data;
using System.Runtime.CompilerServices;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Audit;
using Npgsql;

namespace EnterpriseLedger.Host.Audit;

/// <summary>
/// One page of a search: how many entries it contains, the position of its last, and whether more match.
/// </summary>
public sealed record AuditSearchPage(int Count, long LastPosition, bool HasMore);

/// <summary>
/// The SQL of one page of a search, as keyset queries on the account's chain positions. A page takes two reads:
/// <see cref="MeasureAsync"/> reads only the positions, so that the <c>Link</c> header is known before the first
/// byte of the body, and <see cref="ReadAsync"/> then streams the entries between the same bounds. Entries are
/// never changed or removed, so both reads see the same entries.
/// </summary>
public sealed class AuditSearchQuery
{
    private const string Entries = $"{LedgerStore.SchemaName}.{AuditTables.Entries}";

    private readonly Guid[]? _teamIds;

    private AuditSearchQuery(Guid accountId, AuditSearch search, long? lastReturned, long upTo, Guid[]? teamIds)
    {
        AccountId = accountId;
        Search = search;
        LastReturned = lastReturned;
        UpTo = upTo;
        _teamIds = teamIds;
    }

    public Guid AccountId { get; }

    public AuditSearch Search { get; }

    /// <summary>The position that the page continues after, in its order, or null on the first page.</summary>
    public long? LastReturned { get; }

    /// <summary>The last position the search covers.</summary>
    public long UpTo { get; }

    private bool Descending => Search.Order == AuditSearchOrder.Descending;

    /// <summary>
    /// Creates the query of a page, resolving a team name to the ids of every team of the account that had that
    /// name in an entry. The ids go into the SQL as values, because PostgreSQL 15 planned an
    /// <c>in (subquery)</c> there as a nested loop that compared every entry of the account with every match.
    /// </summary>
    public static async Task<AuditSearchQuery> CreateAsync(
        NpgsqlDataSource dataSource, Guid accountId, AuditSearch search, long? lastReturned, long upTo,
        CancellationToken cancellationToken)
    {
        Guid[]? teamIds = null;
        if (search.Filters.Team is { } team)
        {
            teamIds = Guid.TryParse(team, out var teamId)
                ? [teamId]
                : await TeamIdsAsync(dataSource, accountId, team, cancellationToken);
        }

        return new AuditSearchQuery(accountId, search, lastReturned, upTo, teamIds);
    }

    /// <summary>Reads the positions of the page and one more, which shows whether another page follows.</summary>
    public async Task<AuditSearchPage> MeasureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = Command(dataSource, "position", pageEnd: null, Search.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0;
        var last = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            count++;
            if (count <= Search.Limit)
            {
                last = reader.GetInt64(0);
            }
        }

        return new AuditSearchPage(Math.Min(count, Search.Limit), last, count > Search.Limit);
    }

    /// <summary>Streams the entries of a page that <see cref="MeasureAsync"/> measured, in search order.</summary>
    public async IAsyncEnumerable<AuditEntryRow> ReadAsync(
        NpgsqlDataSource dataSource, AuditSearchPage page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            yield break;
        }

        await using var command = Command(dataSource, "position, body, previous_hash, hash", page.LastPosition, null);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditEntryRow(
                await reader.GetFieldValueAsync<long>(0, cancellationToken),
                await reader.GetFieldValueAsync<string>(1, cancellationToken),
                await reader.GetFieldValueAsync<byte[]>(2, cancellationToken),
                await reader.GetFieldValueAsync<byte[]>(3, cancellationToken));
        }
    }

    /// <summary>
    /// Returns the SQL and its parameter values, in <c>$1</c>, <c>$2</c>… order. <paramref name="pageEnd"/> is
    /// the position of the page's last entry, which the page does not go past.
    /// </summary>
    internal (string Sql, IReadOnlyList<object> Parameters) Build(string columns, long? pageEnd, int? limit)
    {
        var parameters = new List<object> { AccountId, UpTo };
        string Next(object value)
        {
            parameters.Add(value);
            return $"${parameters.Count}";
        }

        var conditions = new List<string> { "account_id = $1", "position <= $2" };
        var (after, notPast) = Descending ? ("<", ">=") : (">", "<=");
        if (LastReturned is { } lastReturned)
        {
            conditions.Add($"position {after} {Next(lastReturned)}");
        }

        if (pageEnd is { } end)
        {
            conditions.Add($"position {notPast} {Next(end)}");
        }

        conditions.AddRange(FilterConditions(Next));
        var order = Descending ? "position desc" : "position";
        var sql = $"select {columns} from {Entries} where {string.Join(" and ", conditions)} order by {order}";
        return (limit is { } max ? $"{sql} limit {Next(max)}" : sql, parameters);
    }

    private IEnumerable<string> FilterConditions(Func<object, string> next)
    {
        var filters = Search.Filters;
        if (filters.Actor is { } actor)
        {
            // Both forms compare lower(actor), so that one expression index can serve them.
            var value = next(actor);
            yield return filters.ActorIsEmail
                ? $"lower(actor) = lower({value})"
                : $"lower(actor) = lower({value}) and actor = {value}";
        }

        if (filters.Action is { } action)
        {
            yield return $"action = {next(action)}";
        }

        if (filters.Type is { } type)
        {
            yield return $"type = {next(type)}";
        }

        if (_teamIds is { } teamIds)
        {
            yield return teamIds is [var teamId] ? $"team_id = {next(teamId)}" : $"team_id = any({next(teamIds)})";
        }

        foreach (var condition in TimeConditions(filters, next))
        {
            yield return condition;
        }
    }

    /// <summary>
    /// Compares <c>created_at</c>, and also bounds the positions by the first entry at or after each time. Times
    /// never decrease along the chain, so the bounds are exact, and they let PostgreSQL start the keyset scan at
    /// the time instead of filtering every earlier entry.
    /// </summary>
    private static IEnumerable<string> TimeConditions(AuditSearchFilters filters, Func<object, string> next)
    {
        const string none = "9223372036854775807";
        string FirstAt(string time) =>
            $"coalesce((select position from {Entries} where account_id = $1 and created_at >= {time} "
            + $"order by created_at, position limit 1), {none})";

        if (filters.Since is { } since)
        {
            var time = next(since.ToUniversalTime());
            yield return $"created_at >= {time} and position >= {FirstAt(time)}";
        }

        if (filters.Until is { } until)
        {
            var time = next(until.ToUniversalTime());
            yield return $"created_at < {time} and position < {FirstAt(time)}";
        }
    }

    private static async Task<Guid[]> TeamIdsAsync(
        NpgsqlDataSource dataSource, Guid accountId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select distinct team_id from {Entries} where account_id = $1 and team_name = $2 and team_id is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    private NpgsqlCommand Command(NpgsqlDataSource dataSource, string columns, long? pageEnd, int? limit)
    {
        var (sql, parameters) = Build(columns, pageEnd, limit);
        var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
