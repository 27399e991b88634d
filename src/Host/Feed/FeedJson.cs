using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EnterpriseLedger.Host.Feed;

/// <summary>
/// The JSON options of the feed. Envelopes name their members with attributes, and event data passes through as is.
/// </summary>
public static class FeedJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
