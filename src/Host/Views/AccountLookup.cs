using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Projections.Accounts;
using Marten;

namespace EnterpriseLedger.Host.Views;

/// <summary>Finds an account's Access view by id or by name.</summary>
public static class AccountLookup
{
    public static async Task<AccessView> FindAsync(
        IQuerySession session, string idOrName, CancellationToken cancellationToken)
    {
        var view = Guid.TryParse(idOrName, out var id)
            ? await session.LoadAsync<AccessView>(id, cancellationToken)
            : await session.Query<AccessView>()
                .FirstOrDefaultAsync(account => account.Name == idOrName, cancellationToken);
        return view ?? throw new CliException(
            $"No Enterprise Account '{idOrName}'. List accounts with: ./ledger migrations --status migrated.",
            ExitCodes.Failed);
    }
}
