using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Decides where a data folder's cluster lives, once, when there is no cluster yet: in the data folder, or in a
/// folder under /var/tmp when the postgres system user cannot reach the data folder. The pointer file in the data
/// folder records the second choice for later commands.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class ClusterPlacement(PostgresBinaries binaries, ILogger logger)
{
    // Every user can enter /var/tmp (mode 1777), and the folders created under it let the postgres user through.
    // NOTE: where systemd-tmpfiles ages /var/tmp (upstream systemd's tmp.conf does, at 30 days, while Debian 12's
    // does not), it may delete files of a cluster left unused for that long, which corrupts the cluster.
    private const string RelocationParent = "/var/tmp/enterprise-ledger";
    private const int RelocatedNameLength = 16;

    private const UnixFileMode ReachableByAll = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Returns the layout with the cluster root named in the pointer file, or in the data folder when there is none.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">The pointer file does not contain an absolute path.</exception>
    public static ClusterLayout ReadRecorded(ClusterLayout layout)
    {
        if (!File.Exists(layout.ClusterPointerFile))
        {
            return layout;
        }

        var clusterRoot = File.ReadAllText(layout.ClusterPointerFile).Trim();
        if (!Path.IsPathFullyQualified(clusterRoot))
        {
            throw new EmbeddedPostgresException(
                $"The file {layout.ClusterPointerFile} does not contain an absolute folder path. It records where the "
                + $"cluster of the data folder {layout.DataDirectory} lives. Restore it, or delete the data folder "
                + "to create a new, empty cluster (this deletes the ledger's data).");
        }

        return layout with { ClusterRoot = clusterRoot };
    }

    /// <summary>
    /// Returns the folder for a data folder's cluster when the postgres user cannot reach the data folder:
    /// <c>/var/tmp/enterprise-ledger/</c> and the first 16 hex digits of the SHA-256 of the data folder's path.
    /// </summary>
    public static string RelocatedRoot(string dataDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory));
        return Path.Combine(RelocationParent, Convert.ToHexStringLower(hash)[..RelocatedNameLength]);
    }

    /// <summary>
    /// Returns the layout of the existing cluster, or chooses and creates the cluster root of a new one.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">pg_ctl, chown or runuser failed.</exception>
    public async Task<ClusterLayout> PlaceAsync(ClusterLayout layout, CancellationToken cancellationToken)
    {
        var recorded = ReadRecorded(layout);
        if (Directory.Exists(recorded.ClusterDirectory))
        {
            return recorded;
        }

        var account = ServerAccount.ForCurrentProcess(layout.DataDirectory, logger);
        if (!recorded.IsRelocated)
        {
            return await ChooseAsync(layout, account, cancellationToken);
        }

        // The recorded folder goes missing when someone cleans /var/tmp, for example. An existing one is left as it
        // is, so that a pointer file naming some other folder never changes its owner.
        if (!Directory.Exists(recorded.ClusterRoot))
        {
            await CreateClusterRootAsync(recorded.ClusterRoot, account, cancellationToken);
        }

        return recorded;
    }

    private async Task<ClusterLayout> ChooseAsync(
        ClusterLayout layout, ServerAccount account, CancellationToken cancellationToken)
    {
        var relocatedRoot = RelocatedRoot(layout.DataDirectory);

        // Only root relocates clusters. No pointer file records this folder, so it belongs to an earlier data folder
        // at the same path that was deleted or renamed since.
        if (account.SwitchesToPostgresUser && Directory.Exists(relocatedRoot))
        {
            await RemoveOrphanedClusterAsync(layout with { ClusterRoot = relocatedRoot }, cancellationToken);
        }

        if (await account.CanReachAsync(layout.DataDirectory, cancellationToken))
        {
            return layout;
        }

        await CreateClusterRootAsync(relocatedRoot, account, cancellationToken);
        OwnerOnlyFile.Write(layout.ClusterPointerFile, relocatedRoot);
        EmbeddedPostgresLog.RelocatedCluster(logger, layout.DataDirectory, relocatedRoot);
        return layout with { ClusterRoot = relocatedRoot };
    }

    private async Task RemoveOrphanedClusterAsync(ClusterLayout orphan, CancellationToken cancellationToken)
    {
        if (Directory.Exists(orphan.ClusterDirectory))
        {
            var account = ServerAccount.ForCurrentProcess(orphan.ClusterRoot, logger);
            var server = new PostgresServer(binaries, orphan, account, logger);
            if (await server.IsRunningAsync(cancellationToken))
            {
                EmbeddedPostgresLog.Stopping(logger, orphan.ClusterDirectory);
                await server.StopImmediatelyAsync(cancellationToken);
                EmbeddedPostgresLog.Stopped(logger, orphan.ClusterDirectory);
            }
        }

        Directory.Delete(orphan.ClusterRoot, recursive: true);
        EmbeddedPostgresLog.RemovedOrphanedCluster(logger, orphan.ClusterRoot, orphan.DataDirectory);
    }

    // The cluster root is private to the server account, like the data directory inside it, but its parents must
    // let that account through.
    private static async Task CreateClusterRootAsync(
        string clusterRoot, ServerAccount account, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(clusterRoot) ?? clusterRoot;
        if (!Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent, ReachableByAll);

            // The process umask may have removed bits from the mode given above.
            File.SetUnixFileMode(parent, ReachableByAll);
        }

        Directory.CreateDirectory(clusterRoot, OwnerOnly);
        await account.TakeOwnershipAsync(clusterRoot, cancellationToken);
    }
}
