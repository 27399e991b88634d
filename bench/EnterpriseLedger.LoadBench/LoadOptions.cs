namespace EnterpriseLedger.LoadBench;

/// <summary>The settings of one benchmark run, from the command line.</summary>
internal sealed record LoadOptions(int Seconds, int WarmupSeconds, int Concurrency, int Accounts, string CompaniesFile)
{
    public const string Usage = """
        Usage: EnterpriseLedger.LoadBench [--seconds N] [--concurrency N] [--accounts N] [--warmup-seconds N]
                                          [--companies FILE]
          --seconds N          measured duration of each workload, in seconds (default 20)
          --concurrency N      requests in flight at any time, one per client worker (default 16)
          --accounts N         accounts that the reads and writes are spread over (default 16)
          --warmup-seconds N   unmeasured load before each workload, in seconds (default 5)
          --companies FILE     companies to migrate first (default samples/companies.ndjson, found by walking up
                               from the current folder)
        """;

    /// <exception cref="LoadUsageException">An option is unknown, is missing its value or is out of range.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = ReadPairs(args);
        var options = new LoadOptions(
            Seconds: ReadInt(values, "--seconds", 20, 1, 3600),
            WarmupSeconds: ReadInt(values, "--warmup-seconds", 5, 0, 600),
            Concurrency: ReadInt(values, "--concurrency", 16, 1, 1024),
            Accounts: ReadInt(values, "--accounts", 16, 1, 300),
            CompaniesFile: values.GetValueOrDefault("--companies") ?? FindSampleCompanies());

        if (!File.Exists(options.CompaniesFile))
        {
            throw new LoadUsageException($"The companies file '{options.CompaniesFile}' does not exist.");
        }

        return options;
    }

    private static Dictionary<string, string> ReadPairs(IReadOnlyList<string> args)
    {
        string[] known = ["--seconds", "--warmup-seconds", "--concurrency", "--accounts", "--companies"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!known.Contains(args[i], StringComparer.Ordinal))
            {
                throw new LoadUsageException($"Unknown option '{args[i]}'.");
            }

            if (i + 1 >= args.Count)
            {
                throw new LoadUsageException($"The option {args[i]} is missing its value.");
            }

            values[args[i]] = args[i + 1];
        }

        return values;
    }

    private static int ReadInt(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new LoadUsageException($"Invalid {name} '{text}': expected a whole number from {min} to {max}.");
    }

    private static string FindSampleCompanies()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "companies.ndjson");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new LoadUsageException(
            "No samples/companies.ndjson was found in the current folder or above it. "
            + "Run from the repository or pass --companies FILE.");
    }
}
