using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Configuration;
using Npgsql;

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
            try
            {
                _ = new NpgsqlConnectionStringBuilder(configured);
            }
            catch (Exception error) when (error is ArgumentException or KeyNotFoundException or FormatException)
            {
                throw new EmbeddedPostgresException(
                    $"Invalid ConnectionStrings__Ledger: {error.Message} Give a PostgreSQL connection string such as "
                    + "Host=127.0.0.1;Database=ledger;Username=ledger;Password=..., or unset it to use the embedded "
                    + "cluster.");
            }

            return configured;
        }

        var cluster = new EmbeddedPostgres(EmbeddedPostgres.DefaultDataDirectory());
        return await cluster.EnsureStartedAsync(cancellationToken);
    }
}
