using System.Text.Json.Nodes;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// Compares two JSON trees of an aggregate and lists what changed, down to the smallest object member that differs.
/// Arrays are compared as whole values, because the aggregates keep only short lists of names in them. Dictionaries
/// keyed by id read as <c>members[cy@northwind.test]</c> (see <see cref="StatePath"/>).
/// </summary>
public static class StateDiff
{
    public static IReadOnlyList<StateChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<StateChange>();

        // The state before a stream's first event is null, so every member of the first state counts as added.
        Compare("", before ?? EmptyIfObject(after), after ?? EmptyIfObject(before), changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<StateChange> changes)
    {
        if (before is JsonObject beforeObject && after is JsonObject afterObject)
        {
            CompareMembers(path, beforeObject, afterObject, changes);
        }
        else if (!JsonNode.DeepEquals(before, after))
        {
            changes.Add(new StateChange(path, StateChangeKind.Changed, before, after));
        }
    }

    private static void CompareMembers(string path, JsonObject before, JsonObject after, List<StateChange> changes)
    {
        foreach (var (name, afterValue) in after)
        {
            if (before.TryGetPropertyValue(name, out var beforeValue))
            {
                Compare(StatePath.Member(path, name, afterValue), beforeValue, afterValue, changes);
            }
            else
            {
                Added(StatePath.Member(path, name, afterValue), afterValue, changes);
            }
        }

        foreach (var (name, beforeValue) in before)
        {
            if (!after.ContainsKey(name))
            {
                Removed(StatePath.Member(path, name, beforeValue), beforeValue, changes);
            }
        }
    }

    /// <summary>Lists a new dictionary keyed by id entry by entry, and any other new value as one change.</summary>
    private static void Added(string path, JsonNode? value, List<StateChange> changes)
    {
        if (value is JsonObject dictionary && StatePath.IsKeyedById(dictionary))
        {
            CompareMembers(path, new JsonObject(), dictionary, changes);
            return;
        }

        changes.Add(new StateChange(path, StateChangeKind.Added, null, value));
    }

    private static void Removed(string path, JsonNode? value, List<StateChange> changes)
    {
        if (value is JsonObject dictionary && StatePath.IsKeyedById(dictionary))
        {
            CompareMembers(path, dictionary, new JsonObject(), changes);
            return;
        }

        changes.Add(new StateChange(path, StateChangeKind.Removed, value, null));
    }

    private static JsonObject? EmptyIfObject(JsonNode? other) => other is JsonObject ? new JsonObject() : null;
}
