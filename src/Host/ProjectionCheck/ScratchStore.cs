using System.Security.Cryptography;
using EnterpriseLedger.Host.Hosting;
using Marten;

namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>
/// The ledger's store configuration moved to a scratch schema of its own, events included, with only the document
/// projections. A check rebuilds the projections there, so that the live schema is only read.
/// </summary>
public static class ScratchStore
{
    public const string SchemaPrefix = "ledger_check_";

    public static string NewSchemaName() => SchemaPrefix + RandomNumberGenerator.GetHexString(8, lowercase: true);

    public static DocumentStore Create(string connectionString, string schemaName) =>
        DocumentStore.For(options =>
        {
            LedgerStore.Configure(options, connectionString);
            options.DatabaseSchemaName = schemaName;
            options.Events.DatabaseSchemaName = schemaName;

            // LedgerStore.Configure registered the audit projection and its tables with the live schema's name.
            // The scratch store must not write there, and the audit log is never rebuilt here, so both go.
            options.Projections.All.RemoveAll(source => !ProjectionCatalog.WritesDocuments(source));
            options.Storage.ExtendedSchemaObjects.RemoveAll(item => item.Identifier.Schema != schemaName);
        });
}
