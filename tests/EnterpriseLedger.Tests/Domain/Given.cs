using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Tests.Domain;

/// <summary>Folds past events into an aggregate's state, the "given" step of a domain test.</summary>
public static class Given
{
    public static EnterpriseAccount Account(params object[] events) =>
        Aggregates.Fold<EnterpriseAccount>(events, EnterpriseAccount.Evolve)
        ?? throw new InvalidOperationException("The account events must start with AccountCreated.");

    public static EnterpriseTeam Team(params object[] events) =>
        Aggregates.Fold<EnterpriseTeam>(events, EnterpriseTeam.Evolve)
        ?? throw new InvalidOperationException("The team events must start with TeamRosterImported.");

    public static CompanyMigration Migration(params object[] events) =>
        Aggregates.Fold<CompanyMigration>(events, CompanyMigration.Evolve)
        ?? throw new InvalidOperationException("The migration events must start with MigrationRequested.");
}
