using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Configuration;

namespace EnterpriseLedger.Host.Hosting;

/// <summary>
/// Finds the database: the configured <c>ConnectionStrings:Ledger</c> (environment:
/// <c>ConnectionStrings__Ledger</c>), or else the embedded PostgreSQL cluster, started on demand.
/// </summary>
public static class LedgerDatabase
{
    public const string ConnectionName = "Ledger";

    public static async Task<string> ResolveConnectionStringAsync(
        IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var cluster = new EmbeddedPostgres(EmbeddedPostgres.DefaultDataDirectory());
        return await cluster.EnsureStartedAsync(cancellationToken);
    }
}
