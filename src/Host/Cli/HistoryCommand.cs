using System.Globalization;
using EnterpriseLedger.Host.History;
using Marten;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>history STREAM [--kind KIND] [--output table|json]</c>: every event of an account's, a team's or a company's
/// migration stream, with its metadata and what it changed in the aggregate.
/// </summary>
public static class HistoryCommand
{
    public const string Usage = "history STREAM [--kind account|team|migration] [--output table|json]";

    public const string StreamDescription = "STREAM (the id or name of an account, a team or a company)";

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("history", args, "kind", "output");
        var idOrName = arguments.Positional(0, StreamDescription, "./ledger history northwind");
        var kind = ParseKind(arguments.Option("kind"));
        var output = arguments.OneOf("output", "table", "table", "json");

        await using var session = store.QuerySession();
        var stream = await FindStreamAsync(session, idOrName, kind, cancellationToken);
        var report = await StreamReports.HistoryAsync(session, stream, cancellationToken)
            ?? throw new CliException($"The {stream.Describe()} has no events.", ExitCodes.Failed);

        if (output == "json")
        {
            LedgerJson.Write(report);
            return ExitCodes.Success;
        }

        WriteHistory(report);
        return ExitCodes.Success;
    }

    internal static StreamKind? ParseKind(string? name)
    {
        if (name is null)
        {
            return null;
        }

        return StreamKinds.TryParse(name, out var kind)
            ? kind
            : throw new CliException(
                $"Invalid --kind '{name}': expected one of {string.Join(", ", StreamKinds.Names)}.");
    }

    /// <summary>
    /// Finds the stream by id, or by name: an account's, then a team's, then a company's, unless
    /// <paramref name="kind"/> names the one to look for.
    /// </summary>
    internal static async Task<StreamReference> FindStreamAsync(
        IQuerySession session, string idOrName, StreamKind? kind, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            var found = await StreamFinder.FindAsync(session, id, cancellationToken)
                ?? throw new CliException($"No account, team or migration stream has the id {id}.", ExitCodes.Failed);
            return kind is null || found.Kind == kind
                ? found
                : throw new CliException(
                    $"The stream {id} is the {found.Describe()}, not of --kind {StreamKinds.ToName(kind.Value)}.",
                    ExitCodes.Failed);
        }

        var matches = await StreamFinder.FindByNameAsync(session, idOrName, kind, cancellationToken);
        return matches switch
        {
            [var only] => only,
            [] => throw new CliException(
                $"No {KindsText(kind)} is named '{idOrName}'. Names are case-sensitive. "
                + "List accounts and companies with: ./ledger migrations.",
                ExitCodes.Failed),
            _ => throw Ambiguous(idOrName, matches),
        };
    }

    private static CliException Ambiguous(string name, IReadOnlyList<StreamReference> matches)
    {
        var candidates = matches.Select(match => match.Account is null
            ? match.Id.ToString()
            : $"{match.Id} (account {match.Account})");
        return new CliException(
            $"The {StreamKinds.ToName(matches[0].Kind)} name '{name}' is ambiguous: {matches.Count} match "
            + $"({string.Join(", ", candidates)}). Pass one of these ids instead.",
            ExitCodes.Failed);
    }

    private static string KindsText(StreamKind? kind) => kind switch
    {
        null => "account, team or company",
        StreamKind.Migration => "company",
        _ => StreamKinds.ToName(kind.Value),
    };

    /// <summary>
    /// Writes a heading line per event and indented lines per change through <see cref="Console.Out"/>, not a Spectre
    /// table, because Spectre.Console 0.57.2 wraps at 80 columns when the output goes to a pipe or a file, and a change
    /// line cut in two cannot be found with grep.
    /// </summary>
    private static void WriteHistory(StreamReport report)
    {
        var count = report.Events.Count == 1
            ? "1 event"
            : $"{report.Events.Count.ToString(CultureInfo.InvariantCulture)} events";
        Console.Out.WriteLine($"{report.Stream.Describe()}, id {report.Stream.Id}: {count}");
        foreach (var reported in report.Events)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine(Heading(reported));
            var changes = reported.Changes ?? [];
            foreach (var line in changes.SelectMany(StateText.ChangeLines))
            {
                Console.Out.WriteLine($"    {line}");
            }

            if (changes.Count == 0)
            {
                Console.Out.WriteLine("    (no change to the state)");
            }
        }
    }

    private static string Heading(ReportedEvent reported)
    {
        var version = reported.Version.ToString(CultureInfo.InvariantCulture);
        var actor = reported.Actor is { } known ? known.Email ?? known.Id : "-";
        return $"version {version}  {StateText.FormatTime(reported.Timestamp)}  {reported.Type}  by {actor}  "
            + $"correlation {reported.CorrelationId ?? "-"}";
    }
}
