using System.Net.Http.Headers;
using System.Text;

namespace EnterpriseLedger.LoadBench;

/// <summary>Builds API requests with a bearer token and the Accept header of Heroku's Platform API v3.</summary>
internal static class ApiRequest
{
    public static HttpRequestMessage Create(HttpMethod method, string path, string token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("application/vnd.heroku+json; version=3");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
