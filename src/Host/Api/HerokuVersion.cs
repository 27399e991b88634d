using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Heroku's API versioning: clients send <c>Accept: application/vnd.heroku+json; version=3</c>. A request without
/// a version is served as version 3; one that requests another version gets 406.
/// </summary>
public static class HerokuVersion
{
    public const string MediaType = "application/vnd.heroku+json";
    public const string Supported = "3";

    public static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var requested = RequestedVersion(context.Request.Headers.Accept.ToString());
        if (requested is not null && requested != Supported)
        {
            var problem = ApiProblem.Create(
                StatusCodes.Status406NotAcceptable,
                "unsupported_version",
                $"API version {requested} is not supported; send Accept: {MediaType}; version={Supported}.");
            await problem.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static string? RequestedVersion(string accept)
    {
        foreach (var range in accept.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = range.Split(';', StringSplitOptions.TrimEntries);
            if (!parts[0].Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var version = parts.Skip(1).FirstOrDefault(p => p.StartsWith("version=", StringComparison.OrdinalIgnoreCase));
            return version?["version=".Length..];
        }

        return null;
    }
}
