using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnterpriseLedger.Host.Api;

/// <summary>The JSON shape of the HTTP API: snake_case names, as in Heroku's Platform API, and nulls written.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
