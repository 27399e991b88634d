using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnterpriseLedger.Host.History;

/// <summary>Writes JSON values and event times for people: the way the history and state commands print them.</summary>
public static class StateText
{
    /// <summary>
    /// Formats a string without quotes, an array of strings, numbers or booleans as <c>view, billing</c>, an empty
    /// array as <c>[]</c>, and anything else as compact JSON.
    /// </summary>
    public static string Format(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        JsonArray { Count: 0 } => "[]",
        JsonArray array when array.All(item => item is JsonValue) => string.Join(", ", array.Select(Format)),
        _ => value.ToJsonString(),
    };

    /// <summary>
    /// Formats a time in UTC to the microsecond, which is PostgreSQL's precision, so that a time copied from the
    /// history selects exactly the events up to that one.
    /// </summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns a change as lines for people: <see cref="StateChange.Describe"/>, except that an added or removed
    /// object is opened into indented <c>path: value</c> lines below a <c>path: added</c> line.
    /// </summary>
    public static IEnumerable<string> ChangeLines(StateChange change)
    {
        var value = change.Kind == StateChangeKind.Removed ? change.Before : change.After;
        if (change.Kind == StateChangeKind.Changed || value is not JsonObject { Count: > 0 })
        {
            return [change.Describe()];
        }

        var kind = change.Kind == StateChangeKind.Added ? "added" : "removed";
        return [$"{change.Path}: {kind}", .. StateLines(value).Select(line => $"    {line}")];
    }

    /// <summary>
    /// Lists every value of an aggregate's JSON as <c>path: value</c> lines, in the JSON's order, with objects opened
    /// down to their values.
    /// </summary>
    public static IEnumerable<string> StateLines(JsonNode? state) => ValueLines("", state);

    private static IEnumerable<string> ValueLines(string path, JsonNode? value)
    {
        if (value is JsonObject { Count: > 0 } members)
        {
            return members.SelectMany(member =>
                ValueLines(StatePath.Member(path, member.Key, member.Value), member.Value));
        }

        return [$"{(path.Length == 0 ? "state" : path)}: {Format(value)}"];
    }
}
