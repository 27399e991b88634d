using System.Globalization;
using EnterpriseLedger.Host.Hosting;
using JasperFx.Events;
using Marten;

namespace EnterpriseLedger.Bench;

/// <summary>
/// A store configuration to measure: the ledger's own, or a variant of it that removes or changes one cost.
/// Variants that change the set of documents get a schema of their own, so that their tables never mix with the
/// ledger's.
/// </summary>
/// <param name="Configure">Configures the store; null for <see cref="LedgerStore.Create"/> itself.</param>
/// <param name="Writers">The number of migration runners that write at the same time.</param>
/// <param name="ConnectionOptions">Npgsql settings appended to the connection string of this variant only.</param>
internal sealed record StoreVariant(
    string Name,
    string SchemaName,
    bool ReadsAhead,
    Action<StoreOptions, string>? Configure,
    int Writers = 1,
    string ConnectionOptions = "")
{
    // Npgsql prepares a statement on the server once it has run twice on a connection, for up to 100 statements.
    private const string AutoPrepare = "Max Auto Prepare=100;Auto Prepare Min Usages=2";

    private const string WithoutPrefix = "without-";
    private const string ParallelPrefix = "parallel-";
    private const int MaxWriters = 8;

    public static StoreVariant Ledger { get; } = new("ledger", LedgerStore.SchemaName, false, null);

    public bool ChangesSchema => SchemaName != LedgerStore.SchemaName;

    public static StoreVariant Parse(string name) => name switch
    {
        "ledger" => Ledger,
        "read-ahead" => Ledger with { Name = name, ReadsAhead = true },
        "rich-append" => Ledger with { Name = name, Configure = ConfigureRichAppend },
        "auto-prepare" => Ledger with { Name = name, ConnectionOptions = AutoPrepare },
        "no-projections" => WithProjections(name, []),
        _ when name.StartsWith(ParallelPrefix, StringComparison.Ordinal)
            && int.TryParse(name[ParallelPrefix.Length..], CultureInfo.InvariantCulture, out var writers)
            && writers is >= 2 and <= MaxWriters => Ledger with { Name = name, Writers = writers },
        _ when name.StartsWith(WithoutPrefix, StringComparison.Ordinal)
            && BenchProjections.Names.Contains(name[WithoutPrefix.Length..]) =>
            WithProjections(name, BenchProjections.Names.Where(p => p != name[WithoutPrefix.Length..]).ToList()),
        _ => throw new BenchUsageException($"Unknown variant '{name}'; see --help for the list."),
    };

    public DocumentStore CreateStore(string connectionString)
    {
        var connection = ConnectionOptions.Length == 0 ? connectionString : $"{connectionString};{ConnectionOptions}";
        return Configure is null
            ? LedgerStore.Create(connection)
            : DocumentStore.For(options => Configure(options, connection));
    }

    private static StoreVariant WithProjections(string name, IReadOnlyList<string> projections)
    {
        var schemaName = "bench_" + name.Replace('-', '_');
        return new StoreVariant(name, schemaName, false, (options, connectionString) =>
            BenchProjections.Configure(options, connectionString, schemaName, projections));
    }

    private static void ConfigureRichAppend(StoreOptions options, string connectionString)
    {
        LedgerStore.Configure(options, connectionString);
        options.Events.AppendMode = EventAppendMode.Rich;
    }
}
