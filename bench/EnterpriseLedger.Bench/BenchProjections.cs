using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Migrations;
using EnterpriseLedger.Projections.Teams;
using EnterpriseLedger.Projections.Tokens;
using EnterpriseLedger.Projections.Users;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace EnterpriseLedger.Bench;

/// <summary>
/// The ledger's store configuration with a chosen subset of its inline projections, to measure what each costs.
/// </summary>
/// <remarks>
/// NOTE: this copies <see cref="LedgerStore.Configure"/> and <c>LedgerProjections.AddLedgerProjections</c> by
/// hand, because Marten has no way to remove a projection once registered. <see cref="CheckInSync"/> fails the
/// benchmark when the ledger registers a projection that is missing here.
/// </remarks>
internal static class BenchProjections
{
    private static readonly Dictionary<string, Action<StoreOptions>> Registrations = new(StringComparer.Ordinal)
    {
        ["access"] = options =>
        {
            options.Projections.Add<AccessViewProjection>(ProjectionLifecycle.Inline);
            options.Schema.For<AccessView>().UniqueIndex(view => view.Name);
        },
        ["teams"] = options =>
        {
            options.Projections.Add<TeamViewProjection>(ProjectionLifecycle.Inline);
            options.Schema.For<TeamView>().Index(view => view.AccountId).GinIndexJsonData();
        },
        ["migration-status"] = options =>
        {
            options.Projections.Add<MigrationStatusProjection>(ProjectionLifecycle.Inline);
            options.Schema.For<MigrationStatusView>().Index(view => view.Status).GinIndexJsonData();
        },
        ["users"] = options => options.Projections.Add<UserDirectoryProjection>(ProjectionLifecycle.Inline),
        ["tokens"] = options =>
        {
            options.Projections.Add<TokenViewProjection>(ProjectionLifecycle.Inline);
            options.Schema.For<TokenView>().UniqueIndex(view => view.Hash);
        },
    };

    public static IReadOnlyCollection<string> Names => Registrations.Keys;

    public static void Configure(
        StoreOptions options, string connectionString, string schemaName, IEnumerable<string> projections)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.SnakeCase);

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;

        foreach (var projection in projections)
        {
            Registrations[projection](options);
        }
    }

    /// <summary>Throws when the ledger's store registers a different number of projections than this class.</summary>
    public static void CheckInSync(DocumentStore ledgerStore)
    {
        var registered = ledgerStore.Options.Projections.All.Count;
        if (registered != Registrations.Count)
        {
            throw new BenchUsageException(
                $"The ledger registers {registered} projections but the benchmark knows {Registrations.Count}; " +
                "update BenchProjections before measuring variants without projections.");
        }
    }
}
