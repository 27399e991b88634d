using EnterpriseLedger.Host.Samples;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>samples --companies N --seed S [--out FILE]</c>: writes a generated batch as NDJSON, the same for the same
/// seed, to a file or to standard output.
/// </summary>
public static class SamplesCommand
{
    public const string Usage = "samples --companies N [--seed S] [--out FILE]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("samples", args, "companies", "seed", "out");
        var companies = arguments.IntOption("companies", 500, 1, 1_000_000);
        var seed = arguments.IntOption("seed", 1, 0, int.MaxValue);
        var path = arguments.Option("out");

        var batch = SampleGenerator.Generate(companies, seed);
        if (path is null)
        {
            await using var output = Console.OpenStandardOutput();
            await SampleWriter.WriteNdjsonAsync(batch, output, cancellationToken);
            return ExitCodes.Success;
        }

        // Written beside the target and moved into place, so that an interrupted run leaves no partial file.
        var temporary = path + ".partial";
        await using (var file = File.Create(temporary))
        {
            await SampleWriter.WriteNdjsonAsync(batch, file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        await Console.Error.WriteLineAsync($"Wrote {companies} companies (seed {seed}) to {path}.");
        return ExitCodes.Success;
    }
}
