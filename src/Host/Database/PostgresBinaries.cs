namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Folder that contains initdb, pg_ctl and postgres of one PostgreSQL installation.
/// </summary>
internal sealed record PostgresBinaries(string Directory)
{
    private const string DebianInstallRoot = "/usr/lib/postgresql";

    private static readonly string[] ProgramNames = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string Postgres => Path.Combine(Directory, "postgres");

    /// <summary>
    /// Returns the folders on PATH, then the Debian and Ubuntu install folders, highest PostgreSQL version first.
    /// </summary>
    public static IReadOnlyList<string> DefaultSearchDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";

        // A relative PATH entry would run whatever initdb sits in the working folder, so only absolute ones count.
        var onPath = path
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathRooted);

        return [.. onPath, .. DebianBinaryDirectories()];
    }

    /// <summary>
    /// Returns the first folder that contains all three programs.
    /// </summary>
    /// <exception cref="EmbeddedPostgresUnavailableException">No folder contains all three.</exception>
    public static PostgresBinaries Locate(IReadOnlyList<string> searchDirectories)
    {
        var directory = searchDirectories.FirstOrDefault(ContainsAllPrograms);
        if (directory is null)
        {
            throw new EmbeddedPostgresUnavailableException(searchDirectories);
        }

        return new PostgresBinaries(directory);
    }

    private static bool ContainsAllPrograms(string directory) =>
        ProgramNames.All(name => File.Exists(Path.Combine(directory, name)));

    private static IEnumerable<string> DebianBinaryDirectories()
    {
        if (!System.IO.Directory.Exists(DebianInstallRoot))
        {
            return [];
        }

        return System.IO.Directory.EnumerateDirectories(DebianInstallRoot)
            .Select(versionDirectory => (versionDirectory, Version: ParseMajorVersion(versionDirectory)))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.versionDirectory, "bin"));
    }

    // Debian names the folders by major version: "15" since PostgreSQL 10, "9.6" before.
    private static Version? ParseMajorVersion(string versionDirectory)
    {
        var name = Path.GetFileName(versionDirectory);
        var text = name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";
        return Version.TryParse(text, out var version) ? version : null;
    }
}
