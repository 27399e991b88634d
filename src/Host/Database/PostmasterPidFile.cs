using System.Globalization;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// The cluster's postmaster.pid, which the server writes at start and removes at a clean stop.
/// </summary>
/// <remarks>
/// A crash or a reboot leaves the file behind. pg_ctl and postgres then check only that a process with its
/// process id is alive. After a reboot that id often belongs to an unrelated process, or, right after a stop, to
/// the exiting server, and both programs take the cluster for running.
/// NOTE: a server started in another PID namespace, such as another container that shares the data folder, looks
/// stale here too, so its file would be deleted. Run one ledger per data folder.
/// </remarks>
internal static class PostmasterPidFile
{
    // Process id, data directory and start time: the lines the server writes once and never changes.
    private const int IdentityLineCount = 3;

    /// <summary>
    /// Deletes the file when the process it names is not this cluster's server.
    /// </summary>
    /// <returns>The process id named in the deleted file, or null when nothing was deleted.</returns>
    public static int? DeleteIfStale(string clusterDirectory)
    {
        var path = Path.Combine(clusterDirectory, "postmaster.pid");
        var identity = ReadIdentity(path);

        // Without /proc, as on macOS, there is no way to check, so the file stays and pg_ctl decides.
        if (identity is null || !Directory.Exists("/proc")
            || !int.TryParse(identity[0], CultureInfo.InvariantCulture, out var processId))
        {
            return null;
        }

        // The server's working directory is its data directory, so for the server this /proc path names this same
        // file. An exited or zombie process has no working directory, and for any other process the path names no
        // file or a different one.
        var seenByProcess = ReadIdentity($"/proc/{processId}/cwd/postmaster.pid");
        if (seenByProcess is not null && seenByProcess.SequenceEqual(identity))
        {
            return null;
        }

        File.Delete(path);
        return processId;
    }

    private static string[]? ReadIdentity(string path)
    {
        try
        {
            var lines = File.ReadLines(path).Take(IdentityLineCount).ToArray();
            return lines.Length == IdentityLineCount ? lines : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
