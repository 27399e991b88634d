using EnterpriseLedger.Host.Database;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Host.Views;
using Marten;
using Npgsql;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// The ledger's command line. Data commands open the event store directly, without starting the web host, so that
/// they start fast; every other command goes to the host (<c>serve</c>, and the Marten and Wolverine commands such
/// as <c>projections rebuild</c>).
/// </summary>
public static class LedgerCli
{
    private delegate Task<int> StoreCommand(IDocumentStore store, IReadOnlyList<string> args, CancellationToken token);

    private static readonly Dictionary<string, StoreCommand> StoreCommands = new()
    {
        ["migrate"] = MigrateCommand.RunAsync,
        ["access"] = AccessCommand.RunAsync,
        ["teams"] = TeamsCommand.RunAsync,
        ["migrations"] = MigrationsCommand.RunAsync,
        ["banner"] = BannerCommand.RunAsync,
        ["tokens"] = TokensCommand.RunAsync,
        ["history"] = HistoryCommand.RunAsync,
        ["state"] = StateCommand.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await DispatchAsync(args, cancellation.Token);
        }
        catch (CliException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return error.ExitCode;
        }
        catch (EmbeddedPostgresException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return ExitCodes.Unavailable;
        }
        catch (Exception error) when (Unreachable(error) is { } unreachable)
        {
            await Console.Error.WriteLineAsync(
                $"Cannot connect to PostgreSQL: {unreachable.Message}. "
                + "Check ConnectionStrings__Ledger, or unset it to use the embedded cluster.");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Every command writes in transactions, so a cancelled one leaves each change whole or absent.
            await Console.Error.WriteLineAsync(args is ["migrate", ..]
                ? "Cancelled; each company is all or nothing, so none is half-written."
                : "Cancelled; nothing is half-written.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Returns the connection failure inside <paramref name="error"/>, however Marten wrapped it, or null when the
    /// error is something else.
    /// </summary>
    private static NpgsqlException? Unreachable(Exception error)
    {
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException
                {
                    InnerException: System.Net.Sockets.SocketException or TimeoutException,
                } npgsql)
            {
                return npgsql;
            }
        }

        return null;
    }

    private static async Task<int> DispatchAsync(string[] args, CancellationToken cancellationToken)
    {
        var command = args.Length == 0 ? "help" : args[0];
        var rest = args.Skip(1).ToArray();
        switch (command)
        {
            case "help" or "--help" or "-h":
                Console.Out.Write(HelpText);
                return ExitCodes.Success;
            case "db":
                return await DbCommand.RunAsync(rest, cancellationToken);
            case "samples":
                return await SamplesCommand.RunAsync(rest, cancellationToken);
            case "audit":
                return await AuditCommand.RunAsync(rest, cancellationToken);
            case "events":
                return await EventsCommand.RunAsync(rest, cancellationToken);
            case "projections" when rest is ["check", ..]:
                return await ProjectionsCommand.RunAsync(rest[1..], cancellationToken);
        }

        if (StoreCommands.TryGetValue(command, out var run))
        {
            var configuration = LedgerConfiguration.Build(args);
            var connectionString = await LedgerDatabase.ResolveConnectionStringAsync(configuration, cancellationToken);
            await using var store = LedgerStore.Create(connectionString);
            return await run(store, rest, cancellationToken);
        }

        var hostArgs = command == "host-help" ? ["help", .. rest] : args;
        return await LedgerWebHost.RunAsync(hostArgs, cancellationToken);
    }

    private static readonly string HelpText = $"""
        EnterpriseLedger: Enterprise Accounts kept as events.

        Usage: ./ledger COMMAND [ARGS]

          {MigrateCommand.Usage}
          {AccessCommand.Usage}
          {TeamsCommand.Usage}
          {MigrationsCommand.Usage}
          {BannerCommand.Usage}
          {HistoryCommand.Usage}
          {StateCommand.Usage}
          {TokensCommand.Usage}
          {AuditCommand.Usage}
          {EventsCommand.Usage}
          {ProjectionsCommand.Usage}
          {SamplesCommand.Usage}
          {DbCommand.Usage}
          serve [--urls http://127.0.0.1:5080]
          projections rebuild [-p NAME]     (the Marten and Wolverine commands are listed by ./ledger host-help)

        The database is ConnectionStrings__Ledger when set, else an embedded PostgreSQL cluster under .ledger/
        (LEDGER_DATA_DIR moves it), started on first use and kept running until ./ledger db stop.

        """;
}
