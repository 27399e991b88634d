namespace EnterpriseLedger.Projections.Audit;

/// <summary>The SQL that appends audit entries to an account's chain.</summary>
internal static class AuditSql
{
    /// <summary>
    /// Moves the account's chain head one entry on and inserts the entry, in one statement. The upsert locks the
    /// head's row, so concurrent writers of one account take turns, and each reads the hash its predecessor wrote.
    /// The time is the statement's, second-precise and never before the previous entry's, so an account's entries
    /// are in order of both position and time. An event that already has an entry is skipped, so replaying events
    /// (a projection rebuild) adds only the missing entries and never rewrites the chain. Parameters: account id,
    /// prefix and suffix (for the first entry), event id, prefix and suffix (for later entries), event id, type,
    /// action, actor, team id, team name, prefix and suffix.
    /// </summary>
    public static string Append(string schema)
    {
        var heads = $"{schema}.{AuditTables.Heads}";
        var entries = $"{schema}.{AuditTables.Entries}";
        const string now = "date_trunc('second', statement_timestamp())";
        const string later = "greatest(excluded.created_at, head.created_at)";
        return $"""
            with moved as (
                insert into {heads} as head (account_id, position, previous_hash, hash, created_at)
                select ?::uuid, 1, decode(repeat('00', 32), 'hex'),
                    sha256(decode(repeat('00', 32), 'hex') || convert_to(?::text || {Text(now)} || ?::text, 'UTF8')),
                    {now}
                where not exists (select 1 from {entries} where id = ?::uuid)
                on conflict (account_id) do update set
                    position = head.position + 1,
                    previous_hash = head.hash,
                    hash = sha256(head.hash || convert_to(?::text || {Text(later)} || ?::text, 'UTF8')),
                    created_at = {later}
                returning account_id, position, previous_hash, hash, created_at)
            insert into {entries}
                (account_id, position, id, type, action, actor, team_id, team_name, created_at, body,
                previous_hash, hash)
            select account_id, position, ?::uuid, ?::text, ?::text, ?::text, ?::uuid, ?::text, created_at,
                ?::text || {Text("created_at")} || ?::text, previous_hash, hash
            from moved
            """;
    }

    private static string Text(string time) =>
        $"to_char({time} at time zone 'UTC', '{AuditEntryBody.PostgresTimeFormat}')";
}
