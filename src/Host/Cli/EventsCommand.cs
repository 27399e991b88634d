using EnterpriseLedger.Host.Feed;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>events schemas [--out DIR]</c>: writes the JSON Schemas of the event contract into a folder (the repository
/// keeps them in <c>docs/events/</c>), or prints their names without <c>--out</c>.
/// </summary>
public static class EventsCommand
{
    public const string Usage = "events schemas [--out docs/events]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var action = args.Count > 0 ? args[0] : "";
        if (action != "schemas")
        {
            throw new CliException(action.Length == 0
                ? "Missing action schemas; for example: ./ledger events schemas --out docs/events."
                : $"Unknown action '{action}' for 'events'; expected schemas.");
        }

        var arguments = CommandArguments.Parse("events schemas", args.Skip(1).ToList(), "out");
        var folder = arguments.Option("out");
        foreach (var (name, text) in EventSchemas.Files())
        {
            if (folder is null)
            {
                await Console.Out.WriteLineAsync(name);
                continue;
            }

            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, name), text, cancellationToken);
        }

        if (folder is not null)
        {
            await Console.Error.WriteLineAsync($"Wrote {EventSchemas.Files().Count} schemas to {folder}.");
        }

        return ExitCodes.Success;
    }
}
