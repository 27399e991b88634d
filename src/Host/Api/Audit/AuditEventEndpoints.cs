using System.Text.Json;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Audit;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Audit;

/// <summary>
/// The auditor's search of an account's audit log, for members with manage: filters, keyset pages linked by
/// <c>Link: rel="next"</c>, and JSON, NDJSON or CSV streamed from the database. Each page is recorded as an
/// audit entry, after the entries the search covers.
/// </summary>
public static class AuditEventEndpoints
{
    private const string InvalidParams = "invalid_params";
    private const string InvalidCursor = "invalid_cursor";

    [WolverineGet("/enterprise-accounts/{idOrName}/events")]
    [Tags("Audit log")]
    [EndpointSummary("Search the account's audit log by actor, action, type, team and time (needs manage)")]
    [ProducesResponseType<IReadOnlyList<JsonElement>>(
        StatusCodes.Status200OK,
        AuditEntryFormats.JsonMediaType,
        AuditEntryFormats.NdjsonMediaType,
        AuditEntryFormats.CsvMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, ApiProblem.ContentType)]
    public static async Task<IResult> Search(
        string idOrName, HttpContext context, IQuerySession session, IDocumentStore documents, AuditStore store,
        TimeProvider clock, CancellationToken token)
    {
        var (parameters, error) = AuditSearchParameters.Parse(context.Request.Query);
        if (parameters is null)
        {
            return ApiProblem.BadRequest(InvalidParams, error ?? "Invalid search parameters.");
        }

        var (format, formatProblem) = Negotiate(context.Request, parameters.Format);
        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ReadAuditLog, token);
        if (granted is null || formatProblem is not null)
        {
            return problem ?? formatProblem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var accountId = granted.Account.Id;
        var (query, cursorProblem) = await StartAsync(accountId, parameters, store, token);
        if (query is null)
        {
            return cursorProblem ?? ApiProblem.BadRequest(InvalidCursor, "Invalid cursor.");
        }

        var page = await query.MeasureAsync(store.DataSource, token);
        var download = new AuditLogDownloaded(
            accountId, null, AuditEntryFormats.NameOf(format), page.Count, context.Caller().Actor(clock.GetUtcNow()));
        await AuditDownloads.RecordAsync(documents, context, download, token);

        var next = page.HasMore ? NextLink(context.Request, query, page) : null;
        return new AuditEventStream(query, page, format, next, store);
    }

    /// <summary>
    /// Returns the query of the requested page: the first page covers the entries up to the account's last
    /// position now, and a later page continues its cursor, which must come from the same account, order and filters.
    /// </summary>
    private static async Task<(AuditSearchQuery? Query, IResult? Problem)> StartAsync(
        Guid accountId, AuditSearchParameters parameters, AuditStore store, CancellationToken token)
    {
        var search = parameters.Search;
        if (parameters.Cursor is null)
        {
            var upTo = await store.LastPositionAsync(accountId, token);
            return (await AuditSearchQuery.CreateAsync(store.DataSource, accountId, search, null, upTo, token), null);
        }

        if (AuditSearchCursor.TryDecode(parameters.Cursor) is not { } cursor)
        {
            return (null, ApiProblem.BadRequest(InvalidCursor,
                "Invalid cursor: it is damaged or was not issued by this service. "
                + "Use the Link header's URL unchanged."));
        }

        if (cursor.AccountId != accountId || cursor.Order != search.Order
            || cursor.FiltersFingerprint != search.Filters.Fingerprint())
        {
            return (null, ApiProblem.BadRequest(InvalidCursor,
                "Invalid cursor: it belongs to a search of another account, order or filters. "
                + "Use the Link header's URL unchanged."));
        }

        var query = await AuditSearchQuery.CreateAsync(
            store.DataSource, accountId, search, cursor.LastReturned, cursor.UpTo, token);
        return (query, null);
    }

    /// <summary>
    /// Chooses the format: the <c>format</c> parameter, else the first type of the Accept header, by quality, that
    /// is JSON, NDJSON or CSV. Heroku's media type and <c>*/*</c> choose JSON, and so does a request without Accept.
    /// </summary>
    private static (AuditExportFormat Format, IResult? Problem) Negotiate(
        HttpRequest request, AuditExportFormat? requested)
    {
        if (requested is { } format)
        {
            return (format, null);
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return (AuditExportFormat.Json, null);
        }

        foreach (var range in accept.Where(range => range.Quality != 0).OrderByDescending(range => range.Quality ?? 1))
        {
            var mediaType = range.MediaType.Value ?? "";
            if (AuditEntryFormats.FromMediaType(mediaType) is { } accepted)
            {
                return (accepted, null);
            }

            if (mediaType is "*/*" or "application/*"
                || mediaType.Equals(HerokuVersion.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                return (AuditExportFormat.Json, null);
            }

            if (mediaType is "text/*")
            {
                return (AuditExportFormat.Csv, null);
            }
        }

        var message = $"None of the types in Accept '{request.Headers.Accept}' is available. Accept "
            + $"{AuditEntryFormats.JsonMediaType}, {AuditEntryFormats.NdjsonMediaType} or "
            + $"{AuditEntryFormats.CsvMediaType}, or set format to json, ndjson or csv.";
        var problem = ApiProblem.Create(StatusCodes.Status406NotAcceptable, "not_acceptable", message);
        return (AuditExportFormat.Json, problem);
    }

    /// <summary>Returns the Link header of the next page: this request's URL with the cursor of this page.</summary>
    private static string NextLink(HttpRequest request, AuditSearchQuery query, AuditSearchPage page)
    {
        var cursor = new AuditSearchCursor(
            query.AccountId, query.Search.Order, page.LastPosition, query.UpTo, query.Search.Filters.Fingerprint());
        var parameters = request.Query
            .Where(parameter => parameter.Key != AuditSearchParameters.CursorName)
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()))
            .Append(KeyValuePair.Create(AuditSearchParameters.CursorName, (string?)cursor.Encode()));
        var path = (request.PathBase + request.Path).ToUriComponent();
        return $"<{path}{QueryString.Create(parameters)}>; rel=\"next\"";
    }

    /// <summary>The 200 response of a page: its headers, then its entries as the database returns them.</summary>
    /// <remarks>
    /// A failure after the first bytes can no longer become Problem Details. Kestrel then aborts the connection, so
    /// the client sees an incomplete response rather than a shorter one that looks whole.
    /// </remarks>
    private sealed class AuditEventStream(
        AuditSearchQuery query, AuditSearchPage page, AuditExportFormat format, string? next, AuditStore store)
        : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var token = httpContext.RequestAborted;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = AuditEntryFormats.ContentTypeOf(format);
            if (next is not null)
            {
                response.Headers.Link = next;
            }

            var rows = query.ReadAsync(store.DataSource, page, token);
            await AuditEntryFormats.WriteAsync(response.Body, rows, format, token);
        }
    }
}
