using System.Text.Json;

namespace EnterpriseLedger.Host.Cli;

/// <summary>The JSON shape of command-line output: snake_case names, indented, for tools and people alike.</summary>
public static class LedgerJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
