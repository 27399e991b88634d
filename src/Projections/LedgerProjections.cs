using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Audit;
using EnterpriseLedger.Projections.Migrations;
using EnterpriseLedger.Projections.Teams;
using EnterpriseLedger.Projections.Tokens;
using EnterpriseLedger.Projections.Users;
using JasperFx.Events.Projections;
using Marten;

namespace EnterpriseLedger.Projections;

/// <summary>Registers every read model of the ledger with its lifecycle and indexes.</summary>
public static class LedgerProjections
{
    /// <summary>
    /// Adds the projections. All are inline: they commit in the same transaction as the events, so the command
    /// line reads its own writes without running the async daemon.
    /// </summary>
    public static void AddLedgerProjections(this StoreOptions options)
    {
        options.Projections.Add<AccessViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<TeamViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MigrationStatusProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<UserDirectoryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<TokenViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add(new AuditLogProjection(options.DatabaseSchemaName), ProjectionLifecycle.Inline);
        options.Storage.ExtendedSchemaObjects.AddRange(AuditTables.Create(options.DatabaseSchemaName));

        options.Schema.For<AccessView>().UniqueIndex(view => view.Name);
        options.Schema.For<TeamView>().Index(view => view.AccountId).GinIndexJsonData();
        options.Schema.For<MigrationStatusView>().Index(view => view.Status).GinIndexJsonData();
        options.Schema.For<TokenView>().UniqueIndex(view => view.Hash);
    }
}
