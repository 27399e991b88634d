using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Exclusive lock on a file in the data folder, held while one process initializes, starts or stops the cluster.
/// </summary>
/// <remarks>
/// .NET takes an advisory flock(2) for <see cref="FileShare.None"/> on Linux, which other processes and other
/// handles in this process respect. The operating system releases it when the process exits, even after a crash.
/// </remarks>
internal sealed class ClusterLock : IDisposable
{
    // Long enough for initdb plus a start that uses its full 30 s pg_ctl timeout and 30 s readiness wait.
    private static readonly TimeSpan AcquireTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private ClusterLock(FileStream stream) => _stream = stream;

    /// <exception cref="EmbeddedPostgresException">Another process held the lock for longer than 2 minutes.</exception>
    public static async Task<ClusterLock> AcquireAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var waitLogged = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new ClusterLock(stream);
            }
            catch (IOException exception) when (stopwatch.Elapsed >= AcquireTimeout)
            {
                throw new EmbeddedPostgresException(
                    $"Timed out after {AcquireTimeout.TotalMinutes:0} minutes waiting for the lock file {path}, which "
                    + "another process holds while it starts or stops the embedded PostgreSQL.",
                    exception);
            }
            catch (IOException)
            {
                if (!waitLogged)
                {
                    EmbeddedPostgresLog.WaitingForLock(logger, path);
                    waitLogged = true;
                }
            }

            await Task.Delay(RetryInterval, cancellationToken);
        }
    }

    public void Dispose() => _stream.Dispose();
}
