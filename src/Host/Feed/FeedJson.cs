using System.Text.Json;

namespace EnterpriseLedger.Host.Feed;

/// <summary>The JSON options of the feed: envelopes name their members themselves, and event data is passed through.</summary>
public static class FeedJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
