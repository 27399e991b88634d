namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Failure to find the PostgreSQL binaries that the embedded cluster needs (initdb, pg_ctl and postgres).
/// </summary>
public sealed class EmbeddedPostgresUnavailableException : EmbeddedPostgresException
{
    public EmbeddedPostgresUnavailableException()
        : this([])
    {
    }

    public EmbeddedPostgresUnavailableException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal EmbeddedPostgresUnavailableException(IEnumerable<string> searchedDirectories)
        : base(DescribeMissingBinaries(searchedDirectories))
    {
    }

    private static string DescribeMissingBinaries(IEnumerable<string> searchedDirectories)
    {
        var searched = string.Join(", ", searchedDirectories);
        var location = searched.Length == 0 ? "" : $" in any of these folders: {searched}";
        return $"PostgreSQL binaries (initdb, pg_ctl, postgres) were not found{location}. "
            + "Install PostgreSQL (on Debian or Ubuntu: apt-get install postgresql), "
            + "or set ConnectionStrings__Ledger to the connection string of an existing server, "
            + "or run docker compose up to start one.";
    }
}
