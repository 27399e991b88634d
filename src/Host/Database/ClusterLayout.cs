namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Paths of the embedded cluster's files inside the ledger's data folder.
/// </summary>
internal sealed record ClusterLayout(string DataDirectory)
{
    /// <summary>The PostgreSQL data directory. It exists only once initialization has finished.</summary>
    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    /// <summary>Folder in which initdb builds a cluster before it moves to <see cref="ClusterDirectory"/>.</summary>
    public string StagingDirectory => Path.Combine(DataDirectory, "pgdata.init");

    public string StagingClusterDirectory => Path.Combine(StagingDirectory, "pgdata");

    /// <summary>Copy of the password that initdb reads, deleted with the staging folder.</summary>
    public string StagingPasswordFile => Path.Combine(StagingDirectory, "pwfile");

    public string PortFile => Path.Combine(DataDirectory, "postgres.port");

    public string PasswordFile => Path.Combine(DataDirectory, "postgres.password");

    public string LockFile => Path.Combine(DataDirectory, "postgres.lock");

    // The server log sits inside the cluster because, when this process runs as root, pg_ctl runs as the
    // postgres user and can write only there.
    // NOTE: the log is never rotated. PostgreSQL writes little to it by default, but it grows until deleted.
    public string ServerLogFile => Path.Combine(ClusterDirectory, "server.log");
}
