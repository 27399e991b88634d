using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Reads a JSON request body strictly: at most 1 MiB, no unknown members, every value of the declared type.
/// A body that breaks a rule becomes a Problem Details response, before anything is written.
/// </summary>
public static partial class RequestBody
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The key under which the request's items hold the names of the body's top-level members.</summary>
    public const string MembersKey = "ledger:body-members";

    private static readonly JsonSerializerOptions StrictOptions = new(ApiJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken token)
        where T : class
    {
        var (body, _, problem) = await ReadWithTextAsync<T>(request, token);
        return (body, problem);
    }

    /// <summary>Reads the body like <see cref="ReadAsync{T}"/> and also returns its bytes, for idempotency checks.</summary>
    public static async Task<(T? Body, byte[] Bytes, IResult? Problem)> ReadWithTextAsync<T>(
        HttpRequest request, CancellationToken token) where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, [], TooLarge());
        }

        if (request.HasJsonContentType() is false && request.ContentLength > 0)
        {
            return (null, [], ApiProblem.BadRequest("invalid_content_type", "Send the body as application/json."));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, token);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's MaxRequestBodySize stops a body sent without a Content-Length at the same limit.
            return (null, [], TooLarge());
        }

        var result = Deserialize<T>(bytes);
        if (result.Problem is null)
        {
            request.HttpContext.Items[MembersKey] = TopLevelMembers(bytes);
        }

        return result;
    }

    /// <summary>Lists the body's top-level member names, to tell a member sent as null from one left out.</summary>
    private static HashSet<string> TopLevelMembers(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().Select(member => member.Name).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static (T? Body, byte[] Bytes, IResult? Problem) Deserialize<T>(byte[] bytes) where T : class
    {
        if (bytes.Length > MaxBytes)
        {
            return (null, bytes, TooLarge());
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(bytes, StrictOptions);
            return body is null
                ? (null, bytes, ApiProblem.BadRequest("invalid_json", "The request body must be a JSON object."))
                : (body, bytes, null);
        }
        catch (JsonException error)
        {
            return (null, bytes, Describe(error));
        }
    }

    private static IResult TooLarge() =>
        ApiProblem.BadRequest("request_too_large", $"The request body is larger than {MaxBytes} bytes.");

    private static IResult Describe(JsonException error)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "$" : error.Path;

        // The serializer wraps the reader's own JsonException when the text itself is not JSON.
        if (error.InnerException is JsonException)
        {
            return ApiProblem.BadRequest(
                "invalid_json", $"The request body is not valid JSON (line {error.LineNumber + 1}, at {path}).");
        }

        return ApiProblem.Invalid("invalid_params", $"Invalid value at {path}: {Explain(error.Message)}");
    }

    /// <summary>
    /// Rewrites the serializer's message in the API's terms: an unknown member by its name, a wrong value by the
    /// JSON type expected, never the .NET types behind the body.
    /// </summary>
    private static string Explain(string message)
    {
        var unknown = UnknownMember().Match(message);
        if (unknown.Success)
        {
            return $"unknown field '{unknown.Groups[1].Value}'; the documentation lists the fields of this request.";
        }

        var converted = WrongType().Match(message);
        if (converted.Success)
        {
            return $"expected {JsonTypeOf(converted.Groups[1].Value)}.";
        }

        return FirstSentence(message);
    }

    private static string JsonTypeOf(string dotnetType) => dotnetType switch
    {
        _ when dotnetType.StartsWith("System.Collections", StringComparison.Ordinal) => "an array",
        _ when dotnetType.EndsWith("[]", StringComparison.Ordinal) => "an array",
        "System.String" => "a string",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.Guid" or "System.Nullable`1[System.Guid]" => "a UUID string",
        "System.DateTimeOffset" or "System.Nullable`1[System.DateTimeOffset]" => "an ISO-8601 date-time string",
        _ when dotnetType.StartsWith("System.Int", StringComparison.Ordinal) => "a whole number",
        _ => "an object",
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"could not be converted to ([^.\s]+(?:\.[^.\s]+)*)\.")]
    private static partial Regex WrongType();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
