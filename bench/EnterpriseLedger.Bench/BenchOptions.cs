using System.Globalization;

namespace EnterpriseLedger.Bench;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions(
    int Companies,
    int Seed,
    int Runs,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<StoreVariant> Variants,
    string ConnectionOptions,
    bool Keep,
    bool AllowReset,
    bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/EnterpriseLedger.Bench -- [options]

          --companies N           companies to generate and migrate (default 10000)
          --seed S                seed of the generated batch (default 1)
          --runs R                timed runs per variant and batch size; the report shows the median (default 3)
          --batch-size N[,N...]   companies per transaction, one value or a list such as 50,100,250 (default 100)
          --variant V[,V...]      store variants to measure (default ledger):
                                    ledger             the store that ./ledger migrate uses
                                    read-ahead         ledger, with the input read on another task
                                    rich-append        ledger with EventAppendMode.Rich
                                    auto-prepare       ledger with Npgsql's automatic preparation of
                                                       statements (Max Auto Prepare=100)
                                    parallel-N         ledger with N runners at once (2 to 8), companies
                                                       split by id; conflicting companies may be
                                                       decided out of file order
                                    no-projections     events only, no inline projection
                                    without-P          every projection but P, one of: access, teams,
                                                       migration-status, users, tokens
          --connection-options S  Npgsql settings appended to the connection string, such as "No Reset On Close=true"
          --keep                  leave the embedded PostgreSQL running, and the scratch schemas in the database
          --allow-reset           allow deleting all ledger data in the database of ConnectionStrings__Ledger

        Without ConnectionStrings__Ledger, the benchmark starts an embedded PostgreSQL in a new folder under the
        temporary folder, and stops it and deletes the folder at the end.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(10_000, 1, 3, [100], [StoreVariant.Ledger], "", false, false, false);
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            options = name switch
            {
                "--help" or "-h" => options with { ShowHelp = true },
                "--keep" => options with { Keep = true },
                "--allow-reset" => options with { AllowReset = true },
                _ => options.WithValue(name, ValueOf(args, ++index, name)),
            };
        }

        return options;
    }

    private BenchOptions WithValue(string name, string value) => name switch
    {
        "--companies" => this with { Companies = ParseInt(name, value, 1, 1_000_000) },
        "--seed" => this with { Seed = ParseInt(name, value, 0, int.MaxValue) },
        "--runs" => this with { Runs = ParseInt(name, value, 1, 100) },
        "--batch-size" => this with
        {
            BatchSizes = SplitList(value).Select(size => ParseInt(name, size, 1, 10_000)).ToList(),
        },
        "--variant" => this with { Variants = SplitList(value).Select(StoreVariant.Parse).ToList() },
        "--connection-options" => this with { ConnectionOptions = value },
        _ => throw new BenchUsageException($"Unknown option '{name}'; see --help."),
    };

    private static string ValueOf(IReadOnlyList<string> args, int index, string name) =>
        index < args.Count ? args[index] : throw new BenchUsageException($"Missing value for {name}.");

    private static string[] SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int ParseInt(string name, string value, int minimum, int maximum)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < minimum || number > maximum)
        {
            throw new BenchUsageException(
                $"Invalid value '{value}' for {name}; expected a whole number from {minimum} to {maximum}.");
        }

        return number;
    }
}
