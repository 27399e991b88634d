using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Operating-system account that runs initdb, pg_ctl and postgres: the current user, or the postgres system user
/// when this process runs as root, because PostgreSQL refuses to run as root.
/// </summary>
internal sealed class ServerAccount
{
    private const string PostgresUser = "postgres";

    private readonly string _workingDirectory;
    private readonly ILogger _logger;

    private ServerAccount(bool switchesToPostgresUser, string workingDirectory, ILogger logger)
    {
        SwitchesToPostgresUser = switchesToPostgresUser;
        _workingDirectory = workingDirectory;
        _logger = logger;
    }

    /// <param name="workingDirectory">A folder the account can reach, because initdb fails in one it cannot.</param>
    public static ServerAccount ForCurrentProcess(string workingDirectory, ILogger logger) =>
        new(Environment.IsPrivilegedProcess, workingDirectory, logger);

    /// <summary>True when programs run as the postgres system user, which is when this process runs as root.</summary>
    public bool SwitchesToPostgresUser { get; }

    /// <summary>
    /// Runs a PostgreSQL program as this account and returns its result, whatever the exit code.
    /// </summary>
    public Task<CommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!SwitchesToPostgresUser)
        {
            return CommandRunner.RunAsync(program, arguments, _workingDirectory, _logger, cancellationToken);
        }

        string[] asPostgres = ["-u", PostgresUser, "--", program, .. arguments];
        return CommandRunner.RunAsync("runuser", asPostgres, _workingDirectory, _logger, cancellationToken);
    }

    /// <summary>
    /// Gives a folder and everything in it to the postgres user when this process runs as root.
    /// </summary>
    public async Task TakeOwnershipAsync(string path, CancellationToken cancellationToken)
    {
        if (!SwitchesToPostgresUser)
        {
            return;
        }

        // "postgres:" also sets the group to that user's login group.
        var result = await CommandRunner.RunAsync(
            "chown", ["-R", PostgresUser + ":", path], _workingDirectory, _logger, cancellationToken);
        result.ThrowIfFailed();
    }

    /// <summary>
    /// Returns whether the account can traverse every folder down to <paramref name="directory"/>. Only the
    /// postgres user can lack that permission, because any other account runs as the current user.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">runuser failed, for example for lack of a postgres user.</exception>
    public async Task<bool> CanReachAsync(string directory, CancellationToken cancellationToken)
    {
        if (!SwitchesToPostgresUser)
        {
            return true;
        }

        // access(2), which test uses, needs search permission on every parent too, so one check covers the path.
        var result = await RunAsync("test", ["-x", directory], cancellationToken);
        if (result.ExitCode == 0)
        {
            return true;
        }

        // test itself prints nothing, so any error output comes from runuser, for example a missing postgres user.
        if (result.StandardError.Trim().Length > 0)
        {
            throw result.Failure();
        }

        return false;
    }

    /// <summary>
    /// Throws unless the account can traverse every folder down to <paramref name="directory"/>.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">The folder is out of the postgres user's reach.</exception>
    public async Task EnsureCanReachAsync(string directory, CancellationToken cancellationToken)
    {
        if (await CanReachAsync(directory, cancellationToken))
        {
            return;
        }

        throw new EmbeddedPostgresException(
            $"The folder {directory} cannot be reached by the postgres system user. PostgreSQL refuses to run as "
            + "root, so this process runs it as that user, which needs search (x) permission on the folder and on "
            + "every folder above it. Grant that permission, for example with chmod o+x on each folder that lacks "
            + "it, or run the ledger as a user other than root.");
    }
}
