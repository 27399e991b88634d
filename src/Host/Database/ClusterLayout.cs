namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Paths of the embedded cluster's files: settings in the ledger's data folder, the cluster itself under
/// <see cref="ClusterRoot"/>.
/// </summary>
internal sealed record ClusterLayout(string DataDirectory)
{
    /// <summary>
    /// Folder that contains the cluster and its staging folder: the data folder, or the folder named in
    /// <see cref="ClusterPointerFile"/> when the cluster was placed elsewhere for the postgres user.
    /// </summary>
    public string ClusterRoot { get; init; } = DataDirectory;

    public bool IsRelocated => ClusterRoot != DataDirectory;

    /// <summary>The PostgreSQL data directory. It exists only once initialization has finished.</summary>
    public string ClusterDirectory => Path.Combine(ClusterRoot, "pgdata");

    /// <summary>Folder in which initdb builds a cluster before it moves to <see cref="ClusterDirectory"/>.</summary>
    public string StagingDirectory => Path.Combine(ClusterRoot, "pgdata.init");

    public string StagingClusterDirectory => Path.Combine(StagingDirectory, "pgdata");

    /// <summary>Copy of the password that initdb reads, deleted with the staging folder.</summary>
    public string StagingPasswordFile => Path.Combine(StagingDirectory, "pwfile");

    /// <summary>
    /// File that contains the absolute path of <see cref="ClusterRoot"/>, present only when that is not the data
    /// folder.
    /// </summary>
    public string ClusterPointerFile => Path.Combine(DataDirectory, "postgres.cluster");

    public string PortFile => Path.Combine(DataDirectory, "postgres.port");

    public string PasswordFile => Path.Combine(DataDirectory, "postgres.password");

    public string LockFile => Path.Combine(DataDirectory, "postgres.lock");

    // The server log sits inside the cluster because, when this process runs as root, pg_ctl runs as the
    // postgres user and can write only there.
    // NOTE: the log is never rotated. PostgreSQL writes little to it by default, but it grows until deleted.
    public string ServerLogFile => Path.Combine(ClusterDirectory, "server.log");
}
