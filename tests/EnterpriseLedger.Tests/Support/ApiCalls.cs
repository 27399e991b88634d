using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EnterpriseLedger.Tests.Support;

/// <summary>Builds API requests with a bearer token and Heroku's Accept header, and reads JSON responses.</summary>
public static class ApiCalls
{
    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("application/vnd.heroku+json; version=3");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = Request(method, path, token, body);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static JsonElement Json(this string body) => JsonDocument.Parse(body).RootElement;
}
