using System.Text.Json.Nodes;

namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>
/// Lists the fields in which two JSON documents differ: object members by name, array items by index, and values
/// by JSON equality. An array that differs in length lists each index that one side lacks.
/// </summary>
public static class JsonDifferences
{
    public const string RootPath = "(document)";

    public static IReadOnlyList<FieldDifference> Between(JsonNode? live, JsonNode? rebuilt)
    {
        var differences = new List<FieldDifference>();
        Compare("", live, rebuilt, differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? live, JsonNode? rebuilt, List<FieldDifference> differences)
    {
        switch (live, rebuilt)
        {
            case (JsonObject liveObject, JsonObject rebuiltObject):
                CompareObjects(path, liveObject, rebuiltObject, differences);
                break;
            case (JsonArray liveArray, JsonArray rebuiltArray):
                CompareArrays(path, liveArray, rebuiltArray, differences);
                break;
            default:
                if (!JsonNode.DeepEquals(live, rebuilt))
                {
                    differences.Add(new FieldDifference(Display(path), Text(live), Text(rebuilt)));
                }

                break;
        }
    }

    private static void CompareObjects(
        string path, JsonObject live, JsonObject rebuilt, List<FieldDifference> differences)
    {
        var names = live.Select(member => member.Key).Union(rebuilt.Select(member => member.Key));
        foreach (var name in names)
        {
            var memberPath = path.Length == 0 ? name : $"{path}.{name}";
            var inLive = live.TryGetPropertyValue(name, out var liveValue);
            var inRebuilt = rebuilt.TryGetPropertyValue(name, out var rebuiltValue);
            if (inLive && inRebuilt)
            {
                Compare(memberPath, liveValue, rebuiltValue, differences);
            }
            else
            {
                differences.Add(new FieldDifference(
                    memberPath, inLive ? Text(liveValue) : null, inRebuilt ? Text(rebuiltValue) : null));
            }
        }
    }

    private static void CompareArrays(
        string path, JsonArray live, JsonArray rebuilt, List<FieldDifference> differences)
    {
        for (var index = 0; index < Math.Max(live.Count, rebuilt.Count); index++)
        {
            var itemPath = $"{path}[{index}]";
            if (index < live.Count && index < rebuilt.Count)
            {
                Compare(itemPath, live[index], rebuilt[index], differences);
            }
            else
            {
                differences.Add(new FieldDifference(
                    itemPath,
                    index < live.Count ? Text(live[index]) : null,
                    index < rebuilt.Count ? Text(rebuilt[index]) : null));
            }
        }
    }

    /// <summary>Returns the value as compact JSON, and "null" for a JSON null, which is a null node here.</summary>
    private static string Text(JsonNode? value) => value?.ToJsonString() ?? "null";

    private static string Display(string path) => path.Length == 0 ? RootPath : path;
}
