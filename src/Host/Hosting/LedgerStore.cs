using EnterpriseLedger.Projections;
using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;

namespace EnterpriseLedger.Host.Hosting;

/// <summary>The Marten configuration shared by the host, the command line, the tests and the benchmarks.</summary>
public static class LedgerStore
{
    public const string SchemaName = "ledger";

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = SchemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.SnakeCase);

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;

        options.AddLedgerProjections();
    }

    /// <summary>Creates a store outside a host, for tools that do not need the rest of the service.</summary>
    public static DocumentStore Create(string connectionString) =>
        DocumentStore.For(options => Configure(options, connectionString));
}
