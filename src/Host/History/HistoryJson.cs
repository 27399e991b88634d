using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EnterpriseLedger.Host.Api;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// The JSON options for states and event data in a <see cref="StreamReport"/>, shared so that the command line and
/// <c>/debug/streams</c> print the same JSON.
/// </summary>
public static class HistoryJson
{
    /// <summary>
    /// The API's options without read-only properties, such as <c>EnterpriseAccount.ManagerCount</c>: they follow
    /// from the state, and in a diff they would repeat another change in other words.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(ApiJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputed } },
    };

    public static JsonNode? ToNode(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Options);

    private static void LeaveOutComputed(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(property => property.Set is null).ToList())
        {
            typeInfo.Properties.Remove(property);
        }
    }
}
