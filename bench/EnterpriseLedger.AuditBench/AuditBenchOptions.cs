using System.Globalization;

namespace EnterpriseLedger.AuditBench;

/// <summary>The benchmark's command line.</summary>
internal sealed record AuditBenchOptions(int Entries, int Runs, string? HostPath, bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/EnterpriseLedger.AuditBench -- [options]

          --entries N   generated audit entries in the large account's month (default 1000000); a second account
                        gets N/10
          --runs R      timed runs of each export and COPY; the report shows the median (default 3)
          --host FILE   the ledger's EnterpriseLedger.Host.dll to run for the exports (default: the Release build
                        in src/Host/bin/Release/net10.0, which building this benchmark with -c Release produces)

        The benchmark starts an embedded PostgreSQL in a new folder under the temporary folder, and stops it and
        deletes the folder at the end. It needs /usr/bin/time (GNU time) and psql on PATH.
        """;

    public int SmallEntries => Entries / 10;

    public static AuditBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AuditBenchOptions(1_000_000, 3, null, false);
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            options = name is "--help" or "-h"
                ? options with { ShowHelp = true }
                : options.WithValue(name, ValueOf(args, ++index, name));
        }

        return options;
    }

    private AuditBenchOptions WithValue(string name, string value) => name switch
    {
        "--entries" => this with { Entries = ParseInt(name, value, 10, 20_000_000) },
        "--runs" => this with { Runs = ParseInt(name, value, 1, 20) },
        "--host" => this with { HostPath = Path.GetFullPath(value) },
        _ => throw new AuditBenchUsageException($"Unknown option '{name}'; see --help."),
    };

    private static string ValueOf(IReadOnlyList<string> args, int index, string name) =>
        index < args.Count ? args[index] : throw new AuditBenchUsageException($"Missing value for {name}.");

    private static int ParseInt(string name, string value, int minimum, int maximum)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < minimum || number > maximum)
        {
            throw new AuditBenchUsageException(
                $"Invalid value '{value}' for {name}; expected a whole number from {minimum} to {maximum}.");
        }

        return number;
    }
}
