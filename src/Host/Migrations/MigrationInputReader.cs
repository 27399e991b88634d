using System.Runtime.CompilerServices;
using System.Text.Json;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Cli;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>
/// Reads migration files as a stream of companies, so that a batch of any size never has to fit in memory.
/// A file contains one company object, an array of them, or one company per line (NDJSON).
/// </summary>
public static class MigrationInputReader
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Reads the whole file once without keeping it, so that a file with a syntax error is rejected before any
    /// of its companies is written. Throws <see cref="CliException"/> with the line and position of the error.
    /// </summary>
    public static async Task CheckSyntaxAsync(string path, CancellationToken cancellationToken)
    {
        await foreach (var _ in ReadElementsAsync(path, progress: null, cancellationToken))
        {
        }
    }

    public static async IAsyncEnumerable<InputItem> ReadAsync(
        string path, IProgress<long>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = 0;
        await foreach (var element in ReadElementsAsync(path, progress, cancellationToken))
        {
            position++;
            yield return ToItem(path, position, element);
        }
    }

    private static async IAsyncEnumerable<JsonElement> ReadElementsAsync(
        string path, IProgress<long>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = OpenFile(path);
        var isArray = await StartsWithArrayAsync(path, stream, cancellationToken);
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(
            stream, topLevelValues: !isArray, cancellationToken: cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(path, enumerator))
        {
            progress?.Report(stream.Position);
            yield return enumerator.Current;
        }
    }

    private static async Task<bool> MoveNextAsync(string path, IAsyncEnumerator<JsonElement> enumerator)
    {
        try
        {
            return await enumerator.MoveNextAsync();
        }
        catch (JsonException error)
        {
            var line = (error.LineNumber ?? 0) + 1;
            var column = (error.BytePositionInLine ?? 0) + 1;
            throw new CliException($"{path}: invalid JSON at line {line}, position {column}: {FirstSentence(error)}");
        }
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read {path}: {error.Message}");
        }
    }

    /// <summary>Looks at the first character that is not white space, then rewinds the stream.</summary>
    private static async Task<bool> StartsWithArrayAsync(
        string path, FileStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        stream.Position = 0;
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length switch
        {
            0 => throw new CliException($"{path}: the file is empty; expected a company object, an array or NDJSON."),
            _ when text[0] == '[' => true,
            _ when text[0] == '{' => false,
            _ => throw new CliException($"{path}: invalid JSON at line 1: expected '{{' or '[' but found '{text[0]}'."),
        };
    }

    /// <summary>Parses one company; an input that is not a company is returned with its error, not thrown.</summary>
    public static InputItem ToItem(string path, int position, JsonElement element)
    {
        var raw = element.GetRawText();
        var (companyId, companyName) = PeekCompany(element);
        try
        {
            var input = element.Deserialize<CompanyInput>(Options);
            return input is null
                ? new InputItem(path, position, raw, companyId, companyName, null,
                    new InputError("$", "expected a company object"))
                : new InputItem(path, position, raw, companyId, companyName, input, null);
        }
        catch (JsonException error)
        {
            var inputError = new InputError(error.Path ?? "$", $"invalid value: {FirstSentence(error)}");
            return new InputItem(path, position, raw, companyId, companyName, null, inputError);
        }
    }

    /// <summary>
    /// Reads the company's id and name leniently, so that even an invalid company is reported by name.
    /// </summary>
    private static (Guid? Id, string? Name) PeekCompany(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("company", out var company)
            || company.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        Guid? id = company.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            && Guid.TryParse(idElement.GetString(), out var parsed) ? parsed : null;
        var name = company.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        return (id, name);
    }

    private static string FirstSentence(JsonException error)
    {
        var message = error.Message;
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
