using System.Globalization;
using EnterpriseLedger.Host.History;
using Marten;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>state STREAM --at VERSION|TIME [--kind KIND] [--output table|json]</c>: an account, a team or a company's
/// migration as it was at a stream version or at an instant.
/// </summary>
public static class StateCommand
{
    public const string Usage =
        "state STREAM --at VERSION|TIME [--kind account|team|migration] [--output table|json]";

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("state", args, "at", "kind", "output");
        var idOrName = arguments.Positional(0, HistoryCommand.StreamDescription, "./ledger state northwind --at 3");
        var at = ParsePoint(arguments.RequiredOption("at", "--at 3 or --at 2026-11-03T09:30:00Z"));
        var kind = HistoryCommand.ParseKind(arguments.Option("kind"));
        var output = arguments.OneOf("output", "table", "table", "json");

        await using var session = store.QuerySession();
        var stream = await HistoryCommand.FindStreamAsync(session, idOrName, kind, cancellationToken);
        var (report, error) = await StreamReports.StateAtAsync(session, stream, at, cancellationToken);
        if (report is null)
        {
            throw new CliException(error ?? $"The {stream.Describe()} has no state at {at}.", ExitCodes.Failed);
        }

        if (output == "json")
        {
            LedgerJson.Write(report);
            return ExitCodes.Success;
        }

        WriteState(report);
        return ExitCodes.Success;
    }

    private static StreamPoint ParsePoint(string text) =>
        StreamPoint.TryParse(text, out var point)
            ? point
            : throw new CliException($"Invalid --at '{text}': expected {StreamPoint.Expected}.");

    /// <summary>Writes <c>path: value</c> lines, unwrapped for the same reason as the history's.</summary>
    private static void WriteState(StreamReport report)
    {
        var version = report.Version.ToString(CultureInfo.InvariantCulture);
        Console.Out.WriteLine(
            $"{report.Stream.Describe()}, id {report.Stream.Id}, at version {version} "
            + $"(stored {StateText.FormatTime(report.Timestamp)})");
        foreach (var line in StateText.StateLines(report.State))
        {
            Console.Out.WriteLine($"    {line}");
        }
    }
}
