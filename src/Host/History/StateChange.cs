using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// One difference between an aggregate's JSON before and after an event, at <paramref name="Path"/>, such as
/// <c>members[cy@northwind.test].permissions</c>. <paramref name="Before"/> is null for an added value and
/// <paramref name="After"/> for a removed one. A JSON null reads as <c>null</c> in <see cref="Describe"/>.
/// </summary>
public sealed record StateChange(string Path, StateChangeKind Kind, JsonNode? Before, JsonNode? After)
{
    /// <summary>
    /// Returns the change as one line: <c>name: acme -> acme-inc</c>, <c>teams[…]: added platform</c> or
    /// <c>members[…]: removed {…}</c>.
    /// </summary>
    public string Describe() => Kind switch
    {
        StateChangeKind.Added => $"{Path}: added {StateText.Format(After)}",
        StateChangeKind.Removed => $"{Path}: removed {StateText.Format(Before)}",
        _ => $"{Path}: {StateText.Format(Before)} -> {StateText.Format(After)}",
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<StateChangeKind>))]
public enum StateChangeKind
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("changed")] Changed,
}
