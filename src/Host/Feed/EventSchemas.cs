using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using EnterpriseLedger.Domain;

namespace EnterpriseLedger.Host.Feed;

/// <summary>
/// The JSON Schemas of the public events, generated from their records with the wire JSON options, and of the
/// envelope that carries them. The committed copies in <c>docs/events/</c> must match, and a test checks that, so
/// a change to an event record shows up in review as a change to its schema.
/// </summary>
public static class EventSchemas
{
    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
            context.TypeInfo.Type == typeof(Permissions)
                ? PermissionsSchema()
                : schema,
    };

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the schema of one public event type at its contract version.</summary>
    public static JsonObject For(Type eventType)
    {
        var version = EventContract.Versions[eventType];
        var generated = JsonSchemaExporter.GetJsonSchemaAsNode(EventContract.WireOptions, eventType, ExporterOptions);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:enterprise-ledger:events:{eventType.Name}:v{version}",
            ["title"] = eventType.Name,
            ["x-version"] = version,
        };
        foreach (var (name, value) in generated.AsObject().ToList())
        {
            generated.AsObject().Remove(name);
            schema[name] = value;
        }

        return schema;
    }

    /// <summary>
    /// Returns the envelope's schema. Its <c>data</c> is the schema of the event that <c>type</c> names.
    /// </summary>
    public static JsonObject Envelope()
    {
        var generated = JsonSchemaExporter.GetJsonSchemaAsNode(
            FeedJson.Options, typeof(EventEnvelope), ExporterOptions);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:enterprise-ledger:events:envelope:v1",
            ["title"] = "EventEnvelope",
        };
        foreach (var (name, value) in generated.AsObject().ToList())
        {
            generated.AsObject().Remove(name);
            schema[name] = value;
        }

        var properties = schema["properties"] as JsonObject
            ?? throw new InvalidOperationException("The envelope's generated schema has no properties.");
        properties["data"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The event itself, as the schema of its type and version describes it.",
        };
        return schema;
    }

    /// <summary>
    /// Returns every schema file keyed by file name, in ordinal order: <c>envelope.v1.json</c> and each event as
    /// <c>NAME.vVERSION.json</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["envelope.v1.json"] = ToText(Envelope()),
        };
        foreach (var (type, version) in EventContract.Versions)
        {
            files[$"{type.Name}.v{version}.json"] = ToText(For(type));
        }

        return files;
    }

    public static string ToText(JsonNode schema) => schema.ToJsonString(FileOptions).ReplaceLineEndings("\n") + "\n";

    private static JsonObject PermissionsSchema() => new()
    {
        ["type"] = "array",
        ["description"] = "Permission names in the order view, billing, manage, create.",
        ["items"] = new JsonObject
        {
            ["enum"] = new JsonArray([.. PermissionNames.All.Select(name => (JsonNode?)name)]),
        },
        ["uniqueItems"] = true,
    };
}
