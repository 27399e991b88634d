using System.Globalization;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// pg_ctl commands on the embedded cluster: status, start and stop.
/// </summary>
internal sealed class PostgresServer(
    PostgresBinaries binaries, ClusterLayout layout, ServerAccount account, ILogger logger)
{
    public const int ServerLogTailLines = 20;

    // pg_ctl waits up to this long for the server to start or stop.
    private const int PgCtlTimeoutSeconds = 30;

    // Exit codes of "pg_ctl status" from the pg_ctl reference page. Any other code, such as 4 for a data directory
    // that pg_ctl cannot access, is an error here.
    private const int StatusRunning = 0;
    private const int StatusNotRunning = 3;

    /// <summary>
    /// Returns whether a server runs on the cluster. A postmaster.pid left by a crash or a reboot is deleted first,
    /// so that neither pg_ctl nor postgres mistakes it for a running server.
    /// </summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        if (PostmasterPidFile.DeleteIfStale(layout.ClusterDirectory) is { } staleProcessId)
        {
            EmbeddedPostgresLog.RemovedStalePidFile(logger, layout.ClusterDirectory, staleProcessId);
        }

        var result = await RunPgCtlAsync(["status", "--pgdata=" + layout.ClusterDirectory], cancellationToken);
        return result.ExitCode switch
        {
            StatusRunning => true,
            StatusNotRunning => false,
            _ => throw result.Failure(),
        };
    }

    /// <summary>
    /// Starts the server on 127.0.0.1 and the given port, and waits until it is ready to accept connections.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">pg_ctl failed. The message includes the server log.</exception>
    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        // The port goes on the command line rather than into postgresql.conf so the port file stays its only
        // record. pg_ctl hands the -o value to /bin/sh, which is safe here because it holds only digits.
        string[] arguments =
        [
            "start",
            "--pgdata=" + layout.ClusterDirectory,
            "--log=" + layout.ServerLogFile,
            "--wait",
            "--timeout=" + PgCtlTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "-p", binaries.Postgres,
            "-o", "-p " + port.ToString(CultureInfo.InvariantCulture),
        ];
        var result = await RunPgCtlAsync(arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw result.Failure(DescribeServerLog());
        }
    }

    /// <summary>
    /// Stops the server in fast mode: open sessions are ended and their open transactions rolled back.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">pg_ctl failed.</exception>
    public Task StopAsync(CancellationToken cancellationToken) => StopAsync("fast", cancellationToken);

    /// <summary>
    /// Stops the server in immediate mode, which ends it at once without a shutdown checkpoint, as a crash would.
    /// Meant for a cluster that is deleted next.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">pg_ctl failed.</exception>
    public Task StopImmediatelyAsync(CancellationToken cancellationToken) =>
        StopAsync("immediate", cancellationToken);

    public string DescribeServerLog() =>
        $"Server log {layout.ServerLogFile}, last lines:{Environment.NewLine}"
        + TextTail.LastLinesOfFile(layout.ServerLogFile, ServerLogTailLines);

    private async Task StopAsync(string mode, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "stop",
            "--pgdata=" + layout.ClusterDirectory,
            "--mode=" + mode,
            "--wait",
            "--timeout=" + PgCtlTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ];
        var result = await RunPgCtlAsync(arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw result.Failure(DescribeServerLog());
        }
    }

    private Task<CommandResult> RunPgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        account.RunAsync(binaries.PgCtl, arguments, cancellationToken);
}
