using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Creates a new cluster with initdb, restricted to password logins over TCP on 127.0.0.1.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class ClusterInitializer(
    PostgresBinaries binaries, ClusterLayout layout, ServerAccount account, ILogger logger)
{
    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // No unix socket, so only the TCP listener below can be reached. pg_ctl waits for startup through
    // postmaster.pid and so needs no socket.
    private const string ServerSettings = """

        # Set by EnterpriseLedger's embedded PostgreSQL: TCP on loopback only, no unix socket.
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        password_encryption = 'scram-sha-256'

        """;

    private const string HostBasedAuthentication = """
        # Set by EnterpriseLedger's embedded PostgreSQL: password logins over TCP from 127.0.0.1 only.
        # TYPE  DATABASE  USER  ADDRESS       METHOD
        host    all       all   127.0.0.1/32  scram-sha-256

        """;

    /// <summary>
    /// Builds the cluster in a staging folder and moves it into place only once it is complete, so a cluster
    /// folder never exists half-initialized. The staging folder is deleted whether or not initdb succeeds.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">initdb, chown or runuser failed.</exception>
    public async Task<ClusterCredentials> InitializeAsync(CancellationToken cancellationToken)
    {
        RemoveStaging();
        var credentials = ClusterCredentials.Generate();
        EmbeddedPostgresLog.Initializing(logger, layout.ClusterDirectory, credentials.Port);

        try
        {
            await BuildInStagingAsync(credentials, cancellationToken);
            credentials.Save(layout);
            Directory.Move(layout.StagingClusterDirectory, layout.ClusterDirectory);
        }
        finally
        {
            RemoveStaging();
        }

        EmbeddedPostgresLog.Initialized(logger, layout.ClusterDirectory);
        return credentials;
    }

    private async Task BuildInStagingAsync(ClusterCredentials credentials, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.StagingDirectory, OwnerOnlyDirectory);
        OwnerOnlyFile.Write(layout.StagingPasswordFile, credentials.Password);
        await account.TakeOwnershipAsync(layout.StagingDirectory, cancellationToken);

        var initDb = await account.RunAsync(binaries.InitDb, InitDbArguments(), cancellationToken);
        initDb.ThrowIfFailed();

        await File.AppendAllTextAsync(
            Path.Combine(layout.StagingClusterDirectory, "postgresql.conf"), ServerSettings, cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(layout.StagingClusterDirectory, "pg_hba.conf"), HostBasedAuthentication, cancellationToken);

        // The files above were written by this process, so give them back to the postgres user when that is root.
        await account.TakeOwnershipAsync(layout.StagingClusterDirectory, cancellationToken);
    }

    // The C locale keeps sorting identical on every machine. --auth-local matters only until pg_hba.conf is
    // replaced, and keeps initdb from opening the cluster to passwordless local logins in the meantime.
    private string[] InitDbArguments() =>
    [
        "--pgdata=" + layout.StagingClusterDirectory,
        "--username=" + ClusterCredentials.UserName,
        "--pwfile=" + layout.StagingPasswordFile,
        "--auth-host=scram-sha-256",
        "--auth-local=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
    ];

    private void RemoveStaging()
    {
        if (!Directory.Exists(layout.StagingDirectory))
        {
            return;
        }

        Directory.Delete(layout.StagingDirectory, recursive: true);
        if (!Directory.Exists(layout.ClusterDirectory))
        {
            EmbeddedPostgresLog.RemovedPartialCluster(logger, layout.StagingDirectory);
        }
    }
}
