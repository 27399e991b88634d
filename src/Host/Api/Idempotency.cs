using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Replays the stored response of a POST retried with the same <c>Idempotency-Key</c>. The same key with another
/// body is rejected, because replaying a different request's result would hide the difference.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public sealed record Request(string? Id, string BodySha256);

    public static (Request? Request, IResult? Problem) Read(HttpContext context, byte[] body)
    {
        var key = context.Request.Headers[Header].ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (string.IsNullOrEmpty(key))
        {
            return (new Request(null, hash), null);
        }

        if (key.Length > MaxKeyLength)
        {
            return (null, ApiProblem.BadRequest("invalid_idempotency_key", $"{Header} is longer than {MaxKeyLength} characters."));
        }

        var caller = context.Caller();
        var subject = caller.UserId?.ToString() ?? caller.TokenId;
        return (new Request($"{subject}:{context.Request.Path}:{key}", hash), null);
    }

    /// <summary>
    /// Reads a POST's body and its <c>Idempotency-Key</c>. Returns the body and the key to remember, or the response
    /// to send at once: a problem with either, or the stored response of a retry.
    /// </summary>
    public static async Task<(T? Body, Request? Request, IResult? Response)> ReadPostAsync<T>(
        HttpContext context, IQuerySession session, CancellationToken token)
        where T : class
    {
        var (body, bytes, bodyProblem) = await RequestBody.ReadWithTextAsync<T>(context.Request, token);
        var (request, keyProblem) = Read(context, bytes);
        if (body is null || request is null)
        {
            return (null, null, bodyProblem ?? keyProblem ?? ApiProblem.BadRequest("invalid_json", "Send a JSON object."));
        }

        return await ReplayAsync(session, request, token) is { } replay
            ? (null, null, replay)
            : (body, request, null);
    }

    /// <summary>Returns the stored response for a repeated key, a problem for a reused key, or null to go on.</summary>
    public static async Task<IResult?> ReplayAsync(IQuerySession session, Request request, CancellationToken token)
    {
        if (request.Id is null || await session.LoadAsync<IdempotentResponse>(request.Id, token) is not { } stored)
        {
            return null;
        }

        if (stored.RequestSha256 != request.BodySha256)
        {
            return ApiProblem.Invalid(
                "idempotency_key_reused", $"This {Header} was already used with a different request body.");
        }

        return new ReplayedResult(stored);
    }

    /// <summary>Stores the response in the session, to be committed with the events.</summary>
    public static void Remember(
        IDocumentSession session, Request request, int status, string body, string? location, DateTimeOffset now)
    {
        if (request.Id is null)
        {
            return;
        }

        session.Insert(new IdempotentResponse
        {
            Id = request.Id,
            RequestSha256 = request.BodySha256,
            StatusCode = status,
            Body = body,
            Location = location,
            CreatedAt = now,
        });
    }

    private sealed class ReplayedResult(IdempotentResponse stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = stored.StatusCode;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (stored.Location is not null)
            {
                httpContext.Response.Headers.Location = stored.Location;
            }

            await httpContext.Response.WriteAsync(stored.Body);
        }
    }
}
