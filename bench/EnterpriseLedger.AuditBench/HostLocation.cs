namespace EnterpriseLedger.AuditBench;

/// <summary>Finds the programs that the benchmark runs: the ledger's host assembly and GNU time.</summary>
internal static class HostLocation
{
    private const string SolutionFile = "EnterpriseLedger.sln";
    private const string ReleaseBuild = "src/Host/bin/Release/net10.0/EnterpriseLedger.Host.dll";

    /// <summary>
    /// Returns the host assembly given with <c>--host</c>, else the Release build in the repository that contains
    /// this benchmark's build, and checks that it and <c>/usr/bin/time</c> exist.
    /// </summary>
    public static string Resolve(string? configured)
    {
        if (!File.Exists(TimedProcess.TimePath))
        {
            throw new AuditBenchException(
                $"{TimedProcess.TimePath} (GNU time) is missing; install it, for example with apt-get install time.");
        }

        var path = configured ?? DefaultPath();
        return File.Exists(path)
            ? path
            : throw new AuditBenchException(
                $"The ledger's host {path} does not exist; build it with "
                + "dotnet build src/Host -c Release, or pass its path with --host.");
    }

    private static string DefaultPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return Path.Combine(folder.FullName, ReleaseBuild);
            }
        }

        return Path.GetFullPath(ReleaseBuild);
    }
}
