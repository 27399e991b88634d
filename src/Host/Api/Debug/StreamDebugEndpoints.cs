using EnterpriseLedger.Host.History;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Debug;

/// <summary>
/// <c>GET /debug/streams/{id}</c>: an account's, a team's or a company's migration stream for developers, in the JSON
/// of <c>./ledger history</c>, or of <c>./ledger state</c> with <c>?at=VERSION|TIME</c>. For operator tokens only,
/// because it shows every member's email and the raw events.
/// </summary>
[Tags("Debug")]
public static class StreamDebugEndpoints
{
    private const string Resource = "account, team or migration stream";

    [WolverineGet("/debug/streams/{id}")]
    [EndpointSummary(
        "Read a stream's events with metadata, and its state now or at ?at=VERSION|TIME (needs an operator token)")]
    [ProducesResponseType<StreamReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Get(
        string id, string? at, HttpContext context, IQuerySession session, ILoggerFactory loggers,
        CancellationToken token)
    {
        var logger = loggers.CreateLogger(typeof(StreamDebugEndpoints));
        var caller = context.Caller();
        if (!caller.IsOperator)
        {
            StreamDebugLog.Forbidden(logger, id, caller.TokenId, caller.Kind);
            return ApiProblem.Forbidden("Only operator tokens may read streams.");
        }

        StreamPoint? point = null;
        if (at is not null)
        {
            if (!StreamPoint.TryParse(at, out var parsed))
            {
                var message = $"Invalid at '{at}': expected {StreamPoint.Expected}.";
                StreamDebugLog.Rejected(logger, id, at, StatusCodes.Status400BadRequest, message);
                return ApiProblem.BadRequest("invalid_at", message);
            }

            point = parsed;
        }

        var stream = Guid.TryParse(id, out var streamId)
            ? await StreamFinder.FindAsync(session, streamId, token)
            : null;
        if (stream is null)
        {
            return Reject(logger, id, at, error: null);
        }

        var (report, error) = await ReadAsync(session, stream, point, token);
        if (report is null)
        {
            return Reject(logger, id, at, error);
        }

        StreamDebugLog.Read(logger, caller.TokenId, stream.Id, stream.Kind, at ?? "now");
        return Results.Json(report, ApiJson.Options);
    }

    /// <summary>Returns the whole history without a point, else the state at the point or why there is none.</summary>
    private static async Task<(StreamReport? Report, string? Error)> ReadAsync(
        IQuerySession session, StreamReference stream, StreamPoint? at, CancellationToken token)
    {
        if (at is null)
        {
            return (await StreamReports.HistoryAsync(session, stream, token), null);
        }

        return await StreamReports.StateAtAsync(session, stream, at, token);
    }

    /// <summary>
    /// Returns 422 with <paramref name="error"/> when the stream has no state at the point, else 404 for a stream that
    /// was not found.
    /// </summary>
    private static IResult Reject(ILogger logger, string id, string? at, string? error)
    {
        if (error is null)
        {
            StreamDebugLog.Rejected(logger, id, at ?? "now", StatusCodes.Status404NotFound, "not found");
            return ApiProblem.NotFound(Resource, id);
        }

        StreamDebugLog.Rejected(logger, id, at ?? "now", StatusCodes.Status422UnprocessableEntity, error);
        return ApiProblem.Invalid("no_state_at", error);
    }
}
