using EnterpriseLedger.Host.Database;

namespace EnterpriseLedger.Host.Cli;

/// <summary><c>db start|stop</c>: starts or stops the embedded PostgreSQL cluster of the data folder.</summary>
public static class DbCommand
{
    public const string Usage = "db start|stop";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("db", args);
        var action = arguments.Positional(0, "an action, start or stop", "./ledger db stop");
        var dataDirectory = EmbeddedPostgres.DefaultDataDirectory();
        var cluster = new EmbeddedPostgres(dataDirectory);
        switch (action)
        {
            case "start":
                await cluster.EnsureStartedAsync(cancellationToken);
                Console.Out.WriteLine($"PostgreSQL is running for {dataDirectory}.");
                return ExitCodes.Success;
            case "stop":
                var stopped = await cluster.StopAsync(cancellationToken);
                Console.Out.WriteLine(stopped
                    ? $"Stopped PostgreSQL of {dataDirectory}."
                    : $"PostgreSQL of {dataDirectory} was not running.");
                return ExitCodes.Success;
            default:
                throw new CliException($"Unknown action '{action}' for 'db'; expected start or stop.");
        }
    }
}
