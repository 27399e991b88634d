using System.Text.Json;
using EnterpriseLedger.Host.Api.Paging;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Writes a list response paged the way Heroku's Platform API pages: the <c>Range</c> request header chooses the
/// sort field, the start and the page size (200 by default), and <c>Next-Range</c> names the next page.
/// </summary>
public static class ApiPages
{
    public static IResult Write<T>(HttpContext context, IReadOnlyList<T> items, string defaultField, Func<T, string, string> keyOf)
    {
        var sortable = new[] { defaultField, defaultField == "id" ? "name" : "id" };
        if (!RangeHeader.TryParse(context.Request.Headers["Range"], sortable, defaultField, out var range, out var error))
        {
            return RangeHeader.Problem(error);
        }

        var page = Page.From(items, range, keyOf);
        context.Response.Headers.AcceptRanges = RangeHeader.AcceptRanges(sortable);
        if (page.ContentRange is { } contentRange)
        {
            context.Response.Headers.ContentRange = contentRange;
        }

        if (page.NextRange is { } nextRange)
        {
            context.Response.Headers["Next-Range"] = nextRange;
        }

        var body = JsonSerializer.Serialize(page.Items, ApiJson.Options);
        return Results.Text(body, "application/json", statusCode: page.StatusCode);
    }
}
