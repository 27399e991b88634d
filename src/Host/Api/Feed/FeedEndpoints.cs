using System.Globalization;
using System.Text.Json;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Feed;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Feed;

/// <summary>
/// The global event feed for downstream services: every public event in sequence order, from any checkpoint, as
/// pages (<c>GET /events</c>) or pushed live as Server-Sent Events (<c>GET /events/stream</c>). Both need a service
/// token with the <c>events:read</c> scope.
/// </summary>
public static class FeedEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    /// <summary>How long the live stream waits before it looks for new events when it found none.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How often the live stream sends a comment line when idle, so that proxies keep the connection open.
    /// </summary>
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public sealed record FeedResponse(IReadOnlyList<EventEnvelope> Events, long Checkpoint);

    [WolverineGet("/events")]
    [Tags("Event feed")]
    [EndpointSummary("Read events after a checkpoint, in sequence order (needs a service token with events:read)")]
    [ProducesResponseType<FeedResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public static async Task<IResult> List(
        HttpContext context, FeedReader feed, EventContract contract, CancellationToken token)
    {
        if (Forbidden(context) is { } forbidden)
        {
            return forbidden;
        }

        var (query, problem) = ParseQuery(context.Request.Query, contract, afterFallback: null);
        if (query is null)
        {
            return problem ?? ApiProblem.BadRequest("invalid_params", "Invalid feed query.");
        }

        if (await PastTheEndAsync(feed, query.After, token) is { } pastTheEnd)
        {
            return pastTheEnd;
        }

        var page = await feed.ReadAsync(query, token);
        context.Response.Headers["Next-After"] = page.Checkpoint.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new FeedResponse(page.Events, page.Checkpoint), FeedJson.Options);
    }

    [WolverineGet("/events/stream")]
    [Tags("Event feed")]
    [EndpointSummary("Push events live as Server-Sent Events; Last-Event-ID resumes "
        + "(needs a service token with events:read)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/event-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    public static async Task Stream(
        HttpContext context,
        FeedReader feed,
        EventContract contract,
        IHostApplicationLifetime lifetime,
        CancellationToken requestAborted)
    {
        // The stream also ends when the host stops, so that a shutdown does not wait for subscribers to leave.
        using var stopping =
            CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var token = stopping.Token;
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        var (query, problem) = Forbidden(context) is { } forbidden
            ? (null, forbidden)
            : ParseQuery(context.Request.Query, contract, lastEventId.Length > 0 ? lastEventId : null);
        if (query is null)
        {
            await (problem ?? ApiProblem.BadRequest("invalid_params", "Invalid feed query.")).ExecuteAsync(context);
            return;
        }

        if (await PastTheEndAsync(feed, query.After, token) is { } pastTheEnd)
        {
            await pastTheEnd.ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(token);

        var after = query.After;
        var idleSince = DateTime.UtcNow;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var page = await feed.ReadAsync(query with { After = after }, token);
                foreach (var envelope in page.Events)
                {
                    await response.WriteAsync(ServerSentEvent(envelope), token);
                }

                after = page.Checkpoint;
                if (page.Events.Count > 0)
                {
                    await response.Body.FlushAsync(token);
                    idleSince = DateTime.UtcNow;
                    continue;
                }

                if (DateTime.UtcNow - idleSince > KeepAliveInterval)
                {
                    await response.WriteAsync($": checkpoint {after}\n\n", token);
                    await response.Body.FlushAsync(token);
                    idleSince = DateTime.UtcNow;
                }

                await Task.Delay(PollInterval, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The subscriber went away. It resumes from the last id it received.
        }
    }

    /// <summary>Formats one event as a Server-Sent Event whose id is its sequence, for <c>Last-Event-ID</c>.</summary>
    public static string ServerSentEvent(EventEnvelope envelope) =>
        $"id: {envelope.Sequence}\nevent: {envelope.Type}\n"
        + $"data: {JsonSerializer.Serialize(envelope, FeedJson.Options)}\n\n";

    /// <summary>
    /// Rejects a checkpoint past the newest event, which no subscriber can have received: accepting it would skip
    /// every event up to that number once they are written.
    /// </summary>
    private static async Task<IResult?> PastTheEndAsync(FeedReader feed, long after, CancellationToken token)
    {
        var newest = await feed.NewestSequenceAsync(token);
        return after <= newest
            ? null
            : ApiProblem.BadRequest(
                "invalid_params",
                $"Invalid after {after}: the newest event's sequence is {newest}. Resume from the sequence of the last "
                + "event received, or 0 for the start.");
    }

    private static IResult? Forbidden(HttpContext context) =>
        LedgerClaims.HasScope(context.User, TokenScopes.EventsRead)
            ? null
            : ApiProblem.Forbidden($"The event feed needs a service token with the {TokenScopes.EventsRead} scope: "
                + $"./ledger tokens create --service NAME --scope {TokenScopes.EventsRead}.");

    private static (FeedQuery? Query, IResult? Problem) ParseQuery(
        IQueryCollection query, EventContract contract, string? afterFallback)
    {
        var afterText = query["after"].ToString();
        if (afterText.Length == 0)
        {
            afterText = afterFallback ?? "0";
        }

        if (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
        {
            return (null, ApiProblem.BadRequest(
                "invalid_params",
                $"Invalid after '{afterText}'; expected the sequence of the last event received, 0 for the start."));
        }

        var limitText = query["limit"].ToString();
        var limit = DefaultLimit;
        if (limitText.Length > 0
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit)
                || limit is < 1 or > MaxLimit))
        {
            return (null, ApiProblem.BadRequest(
                "invalid_params", $"Invalid limit '{limitText}'; expected 1 to {MaxLimit}."));
        }

        var types = query["type"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (types.FirstOrDefault(type => !contract.IsPublic(type)) is { } unknown)
        {
            return (null, ApiProblem.BadRequest(
                "invalid_params",
                $"Unknown event type '{unknown}'; GET /events/schemas lists them, such as PermissionGranted."));
        }

        var accountText = query["account"].ToString();
        Guid? account = null;
        if (accountText.Length > 0)
        {
            if (!Guid.TryParse(accountText, out var accountId))
            {
                return (null, ApiProblem.BadRequest(
                    "invalid_params", $"Invalid account '{accountText}'; expected an account id."));
            }

            account = accountId;
        }

        return (new FeedQuery(after, limit, types, account), null);
    }
}
