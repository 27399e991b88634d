using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnterpriseLedger.Domain;

/// <summary>Writes <see cref="Permissions"/> as an ordered array of names, such as <c>["view","manage"]</c>.</summary>
public sealed class PermissionsJsonConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Permissions must be an array of names.");
        }

        var permissions = Permissions.None;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (name is null || !PermissionNames.TryParse(name, out var permission))
            {
                throw new JsonException(
                    $"Unknown permission '{name}'; expected one of {string.Join(", ", PermissionNames.All)}.");
            }

            permissions |= permission;
        }

        return permissions;
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in PermissionNames.ToNames(value))
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}
