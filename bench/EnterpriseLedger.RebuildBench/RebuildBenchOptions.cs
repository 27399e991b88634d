using System.Globalization;

namespace EnterpriseLedger.RebuildBench;

/// <summary>The benchmark's command line.</summary>
internal sealed record RebuildBenchOptions(
    int Events,
    int StreamEvents,
    IReadOnlyList<int> Versions,
    int Runs,
    int RebuildRuns,
    int Seed,
    bool Audit,
    bool Check,
    bool Keep,
    bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/EnterpriseLedger.RebuildBench -- [options]

          --events N            events to store, at least; generated companies fill all but the long stream
                                (default 1000000)
          --stream-events N     events on the one long account stream that is loaded at old versions (default 10000)
          --versions V[,V...]   versions at which the long stream is loaded (default 100,5000,10000)
          --runs R              timed loads per version and method; the report shows the median (default 21)
          --rebuild-runs R      timed rebuilds per projection; the report shows the median (default 1)
          --seed S              seed of the generated companies (default 1)
          --no-audit            leave out the audit log projection, whose first build writes every entry
          --no-check            leave out the timing of ./ledger projections check
          --keep                leave the embedded PostgreSQL running at the end

        The benchmark starts an embedded PostgreSQL in a new folder under the temporary folder, and stops it and
        deletes the folder at the end. The Markdown report goes to standard output, progress to standard error.
        """;

    public static RebuildBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RebuildBenchOptions(
            1_000_000, 10_000, [100, 5_000, 10_000], 21, 1, 1, true, true, false, false);
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            options = name switch
            {
                "--help" or "-h" => options with { ShowHelp = true },
                "--no-audit" => options with { Audit = false },
                "--no-check" => options with { Check = false },
                "--keep" => options with { Keep = true },
                _ => options.WithValue(name, ValueOf(args, ++index, name)),
            };
        }

        return options.Validate();
    }

    private RebuildBenchOptions WithValue(string name, string value) => name switch
    {
        "--events" => this with { Events = ParseInt(name, value, 1, 100_000_000) },
        "--stream-events" => this with { StreamEvents = ParseInt(name, value, 2, 10_000_000) },
        "--versions" => this with
        {
            Versions = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(version => ParseInt(name, version, 1, int.MaxValue)).ToList(),
        },
        "--runs" => this with { Runs = ParseInt(name, value, 1, 1_000) },
        "--rebuild-runs" => this with { RebuildRuns = ParseInt(name, value, 1, 100) },
        "--seed" => this with { Seed = ParseInt(name, value, 0, int.MaxValue) },
        _ => throw new RebuildBenchUsageException($"Unknown option '{name}'; see --help."),
    };

    private RebuildBenchOptions Validate()
    {
        if (Versions.Count == 0 || Versions.Any(version => version > StreamEvents))
        {
            throw new RebuildBenchUsageException(
                $"Invalid --versions; expected one or more versions from 1 to --stream-events ({StreamEvents}).");
        }

        return this;
    }

    private static string ValueOf(IReadOnlyList<string> args, int index, string name) =>
        index < args.Count ? args[index] : throw new RebuildBenchUsageException($"Missing value for {name}.");

    private static int ParseInt(string name, string value, int minimum, int maximum)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < minimum || number > maximum)
        {
            throw new RebuildBenchUsageException(
                $"Invalid value '{value}' for {name}; expected a whole number from {minimum} to {maximum}.");
        }

        return number;
    }
}

internal sealed class RebuildBenchUsageException(string message) : Exception(message);
