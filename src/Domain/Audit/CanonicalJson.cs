using System.Text.Encodings.Web;
using System.Text.Json;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>
/// The single byte form of a JSON value that audit hashes and signatures cover: object members sorted by name
/// (ordinal, UTF-16 code units), no whitespace, strings escaped only where JSON requires it, numbers as written.
/// Parsing an entry and writing it here again gives the bytes that were hashed, whatever the file's formatting.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <exception cref="DuplicateMemberException">An object names the same member twice.</exception>
    public static byte[] Serialize(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }

        return buffer.ToArray();
    }

    public static string SerializeToString(JsonElement value) =>
        System.Text.Encoding.UTF8.GetString(Serialize(value));

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var members = value.EnumerateObject().OrderBy(member => member.Name, StringComparer.Ordinal).ToList();
                for (var index = 0; index < members.Count; index++)
                {
                    if (index > 0 && members[index - 1].Name == members[index].Name)
                    {
                        throw new DuplicateMemberException(members[index].Name);
                    }

                    writer.WritePropertyName(members[index].Name);
                    Write(writer, members[index].Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                writer.WriteBooleanValue(value.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

/// <summary>The error for a JSON object that names a member twice and so has no single canonical form.</summary>
public sealed class DuplicateMemberException(string name)
    : Exception($"The JSON object names the member '{name}' twice.")
{
    public string Name { get; } = name;
}
