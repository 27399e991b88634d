using EnterpriseLedger.Host.Migrations;
using Marten;
using Spectre.Console;

namespace EnterpriseLedger.Host.Cli;

/// <summary><c>migrate FILE... [--output table|json] [--batch-size N]</c>: migrates companies from files.</summary>
public static class MigrateCommand
{
    public const string Usage = "migrate FILE... [--output table|json] [--batch-size N]";

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("migrate", args, "output", "batch-size");
        var output = arguments.OneOf("output", "table", "table", "json");
        var files = arguments.Positionals.Count > 0
            ? arguments.Positionals
            : throw new CliException("Missing FILE; for example: ./ledger migrate samples/companies.ndjson.");
        var runner = new MigrationRunner(store, TimeProvider.System)
        {
            BatchSize = arguments.IntOption("batch-size", 100, 1, 10_000),
        };

        var summary = new MigrationSummary();
        await using var json = output == "json" ? new MigrationJsonWriter(Console.OpenStandardOutput()) : null;
        var failedFiles = await RunFilesAsync(files, runner, summary, json, output == "table", cancellationToken);

        if (json is null)
        {
            summary.Write(AnsiConsole.Console);
        }

        return failedFiles > 0 || summary.Invalid > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static async Task<int> RunFilesAsync(
        IReadOnlyList<string> files,
        MigrationRunner runner,
        MigrationSummary summary,
        MigrationJsonWriter? json,
        bool showProgress,
        CancellationToken cancellationToken)
    {
        var failed = 0;
        var actor = $"cli:{Environment.UserName}";
        foreach (var file in files)
        {
            try
            {
                await MigrationInputReader.CheckSyntaxAsync(file, cancellationToken);
            }
            catch (CliException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                failed++;
                continue;
            }

            await MigrationProgress.RunAsync(file, showProgress, async progress =>
            {
                var items = MigrationInputReader.ReadAsync(file, progress, cancellationToken);
                await foreach (var result in runner.RunAsync(items, actor, cancellationToken))
                {
                    summary.Add(result);
                    if (json is not null)
                    {
                        await json.WriteAsync(result, cancellationToken);
                    }
                }
            });
        }

        return failed;
    }
}
