using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// The JSON shape of the HTTP API: snake_case names, as in Heroku's Platform API, nulls written, and enums as
/// snake_case strings.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new StringEnumConverter() },
    };

    /// <summary>
    /// Writes and reads an enum as a snake_case string, or as the name that
    /// <see cref="JsonStringEnumMemberNameAttribute"/> sets, and rejects numbers.
    /// </summary>
    private sealed class StringEnumConverter : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter inner =
            new(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

        // A converter in the options outranks one that [JsonConverter] names on the type, so an enum that picks
        // its own wire shape, such as Permissions (an array of names), is left to its own converter.
        public override bool CanConvert(Type typeToConvert) =>
            inner.CanConvert(typeToConvert) && typeToConvert.GetCustomAttribute<JsonConverterAttribute>() is null;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            inner.CreateConverter(typeToConvert, options);
    }
}
