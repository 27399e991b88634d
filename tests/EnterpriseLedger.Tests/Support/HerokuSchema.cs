using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Shouldly;

namespace EnterpriseLedger.Tests.Support;

/// <summary>
/// Checks JSON against a definition of Heroku's Platform API schema (the copy in Contracts/heroku-platform-api),
/// with <c>strictProperties: true</c> enforced as <c>additionalProperties: false</c>.
/// </summary>
public static class HerokuSchema
{
    private static readonly string SchemaPath = Path.Combine(
        AppContext.BaseDirectory, "Contracts", "heroku-platform-api", "enterprise-schema.json");

    // FromJsonAsync finishes without waiting because every $ref points into the same document.
    private static readonly Lazy<JsonSchema> Schema = new(
        () => JsonSchema.FromJsonAsync(Rewrite(File.ReadAllText(SchemaPath))).GetAwaiter().GetResult());

    /// <summary>Validates JSON against one definition; returns one line per error, or none when valid.</summary>
    /// <exception cref="ArgumentException">The schema has no definition of that name.</exception>
    public static IReadOnlyList<string> Validate(string definitionName, string json)
    {
        if (!Schema.Value.Definitions.TryGetValue(definitionName, out var definition))
        {
            var known = string.Join(", ", Schema.Value.Definitions.Keys);
            throw new ArgumentException(
                $"Unknown definition '{definitionName}'. Known: {known}.", nameof(definitionName));
        }

        return Flatten(definition.Validate(json)).ToList();
    }

    /// <summary>Returns the names of a definition's properties, as the schema lists them.</summary>
    public static IReadOnlyCollection<string> PropertyNames(string definitionName) =>
        Schema.Value.Definitions[definitionName].Properties.Keys.ToList();

    /// <summary>
    /// Asserts that the JSON matches the definition. Each item of a JSON array must match it.
    /// </summary>
    public static void ShouldMatchSchema(this string json, string definitionName)
    {
        using var document = JsonDocument.Parse(json);
        var errors = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().SelectMany(
                (item, index) => Validate(definitionName, item.GetRawText()).Select(error => $"[{index}] {error}"))
            : Validate(definitionName, json);

        errors.ToList().ShouldBeEmpty($"{json}\ndoes not match the '{definitionName}' definition");
    }

    /// <summary>
    /// Prepares Heroku's hyper-schema for NJsonSchema, which reads draft 04 but not its hyper-schema extensions.
    /// </summary>
    private static string Rewrite(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson)?.AsObject()
            ?? throw new InvalidDataException($"{SchemaPath} does not contain a JSON object.");

        // The root's properties point to definitions that the subset left out. Its id would make every $ref
        // relative to Heroku's address. Only the definitions are needed, so the rest goes.
        root.Remove("properties");
        root.Remove("links");
        root.Remove("id");
        MakeStrictPropertiesClosed(root);
        return root.ToJsonString();
    }

    /// <summary>Adds <c>additionalProperties: false</c> wherever <c>strictProperties</c> is true.</summary>
    private static void MakeStrictPropertiesClosed(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                MakeStrictPropertiesClosed(item);
            }
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["strictProperties"] is JsonValue strict && strict.GetValueKind() == JsonValueKind.True
            && !schema.ContainsKey("additionalProperties"))
        {
            schema["additionalProperties"] = false;
        }

        foreach (var (_, child) in schema.ToList())
        {
            MakeStrictPropertiesClosed(child);
        }
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return $"{error.Path}: {error.Kind}";
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(list => list)))
                {
                    yield return "  " + nested;
                }
            }
        }
    }
}
