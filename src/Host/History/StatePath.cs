using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// Names a place in an aggregate's JSON: <c>name</c>, <c>identity_provider.name</c>, or
/// <c>members[cy@northwind.test].permissions</c>. A member whose name is a Guid is an entry of a dictionary keyed by
/// id. It reads as <c>[email]</c> when its value has an <c>email</c>, else as <c>[id]</c>.
/// </summary>
public static class StatePath
{
    public static string Member(string path, string name, JsonNode? value)
    {
        if (!Guid.TryParse(name, out _))
        {
            return path.Length == 0 ? name : $"{path}.{name}";
        }

        var label = value is JsonObject entry
            && entry.TryGetPropertyValue("email", out var email)
            && email?.GetValueKind() == JsonValueKind.String
                ? email.GetValue<string>()
                : name;
        return $"{path}[{label}]";
    }

    /// <summary>Tells whether every member name of a non-empty object is a Guid, as in a dictionary by id.</summary>
    public static bool IsKeyedById(JsonObject value) =>
        value.Count > 0 && value.All(member => Guid.TryParse(member.Key, out _));
}
