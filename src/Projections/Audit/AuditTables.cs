using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace EnterpriseLedger.Projections.Audit;

/// <summary>
/// The tables behind the audit log, created and updated with Marten's own schema objects.
/// <list type="bullet">
/// <item><c>audit_entries</c>: one row per entry, its canonical JSON in <c>body</c> exactly as hashed and exported,
/// with the columns that searches filter on.</item>
/// <item><c>audit_heads</c>: the last link of each account's chain, whose row lock orders concurrent writers.</item>
/// <item><c>audit_seals</c>: the signed digest of each account's month, reused while the month does not change so
/// that the same archive always has the same bytes.</item>
/// </list>
/// </summary>
public static class AuditTables
{
    public const string Entries = "audit_entries";
    public const string Heads = "audit_heads";
    public const string Seals = "audit_seals";

    public static IEnumerable<ISchemaObject> Create(string schema)
    {
        var entries = new Table(Name(schema, Entries));
        entries.AddColumn<Guid>("account_id").AsPrimaryKey();
        entries.AddColumn<long>("position").AsPrimaryKey();
        entries.AddColumn<Guid>("id").NotNull();
        entries.AddColumn<string>("type").NotNull();
        entries.AddColumn<string>("action").NotNull();
        entries.AddColumn<string>("actor").NotNull();
        entries.AddColumn<Guid>("team_id");
        entries.AddColumn<string>("team_name");
        entries.AddColumn("created_at", "timestamptz").NotNull();
        entries.AddColumn<string>("body").NotNull();
        entries.AddColumn("previous_hash", "bytea").NotNull();
        entries.AddColumn("hash", "bytea").NotNull();
        entries.Indexes.Add(new IndexDefinition($"{Entries}_id") { Columns = ["id"], IsUnique = true });
        entries.Indexes.Add(new IndexDefinition($"{Entries}_time") { Columns = ["account_id", "created_at"] });

        // The search filters by actor (emails compared case-insensitively) and by team.
        entries.Indexes.Add(new IndexDefinition($"{Entries}_actor")
        {
            Columns = ["account_id", "lower(actor)", "position"],
        });
        entries.Indexes.Add(new IndexDefinition($"{Entries}_team")
        {
            Columns = ["account_id", "team_id", "position"],
            Predicate = "team_id is not null",
        });
        yield return entries;

        var heads = new Table(Name(schema, Heads));
        heads.AddColumn<Guid>("account_id").AsPrimaryKey();
        heads.AddColumn<long>("position").NotNull();
        heads.AddColumn("previous_hash", "bytea").NotNull();
        heads.AddColumn("hash", "bytea").NotNull();
        heads.AddColumn("created_at", "timestamptz").NotNull();
        yield return heads;

        var seals = new Table(Name(schema, Seals));
        seals.AddColumn<Guid>("account_id").AsPrimaryKey();
        seals.AddColumn<string>("period").AsPrimaryKey();
        seals.AddColumn<long>("last_position").NotNull();
        seals.AddColumn<string>("digest").NotNull();
        seals.AddColumn<string>("signature").NotNull();
        seals.AddColumn<string>("checksum");
        seals.AddColumn<long>("size");
        yield return seals;
    }

    private static PostgresqlObjectName Name(string schema, string table) =>
        new(schema, table, SchemaUtils.IdentifierUsage.General);
}
