using System.Text.Json;

namespace EnterpriseLedger.Tests.Support;

/// <summary>The example companies copied beside the tests, with the outcome each must get.</summary>
public static class Examples
{
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Examples", "migration");

    public static IEnumerable<object[]> Names =>
    [
        ["admin-on-every-team"], ["beta-participant"], ["both-reasons"],
        ["no-admin-on-every-team"], ["single-team"], ["two-licensed-teams"],
    ];

    public static string InputPath(string name) => Path.Combine(Folder, name + ".json");

    public static ExpectedOutcome Expected(string name)
    {
        var json = File.ReadAllText(Path.Combine(Folder, name + ".expected.json"));
        return JsonSerializer.Deserialize<ExpectedOutcome>(json, WebOptions)
            ?? throw new InvalidDataException($"Empty expectation for {name}.");
    }

    /// <summary>Writes the given text to a new file in a temporary folder and returns its path.</summary>
    public static string WriteTemporary(string fileName, string text)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-input-");
        var path = Path.Combine(folder.FullName, fileName);
        File.WriteAllText(path, text);
        return path;
    }
}

public sealed record ExpectedOutcome(
    string Outcome,
    string? Account,
    List<string> Reasons,
    Dictionary<string, List<string>> Members,
    List<string>? Banner);
