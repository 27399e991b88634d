using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Runs one change to an account. It loads the account from its events, checks If-Match, decides with the caller as
/// actor and appends at the version it decided on. It returns the changed resource and its new ETag, which is the
/// account's unless the caller passes another.
/// </summary>
public static class AccountWrites
{
    /// <param name="respond">Renders the response from the Access view as it is after the change.</param>
    /// <param name="idempotency">When the request carries an Idempotency-Key, the response is stored with the events.</param>
    public static Task<IResult> ChangeAsync(
        IDocumentSession session,
        HttpContext context,
        Guid accountId,
        TimeProvider clock,
        Func<EnterpriseAccount, Actor, Decision> decide,
        Idempotency.Request? idempotency,
        int successStatus,
        Func<AccessView, object?> respond,
        CancellationToken token) =>
        ChangeAsync(session, context, accountId, clock, decide, idempotency, successStatus, respond, StreamWriter.ETag,
            token);

    /// <summary>
    /// Runs the change like the overload without <paramref name="etagAt"/>, for a resource whose ETag is not the
    /// account's, such as a team's.
    /// </summary>
    /// <param name="etagAt">Returns the resource's ETag at a given version of the account's stream.</param>
    public static async Task<IResult> ChangeAsync(
        IDocumentSession session,
        HttpContext context,
        Guid accountId,
        TimeProvider clock,
        Func<EnterpriseAccount, Actor, Decision> decide,
        Idempotency.Request? idempotency,
        int successStatus,
        Func<AccessView, object?> respond,
        Func<long, string> etagAt,
        CancellationToken token)
    {
        var loaded = await StreamWriter.LoadAccountAsync(session, accountId, token);
        var view = await session.LoadAsync<AccessView>(accountId, token);
        if (loaded is null || view is null)
        {
            return ApiProblem.NotFound("enterprise account", accountId.ToString());
        }

        if (StreamWriter.CheckIfMatch(context, etagAt(loaded.Version)) is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow();
        var decision = decide(loaded.State, context.Caller().Actor(now));
        if (decision.Error is { } error)
        {
            return DomainProblems.From(error);
        }

        var after = AccessViewPreview.Apply(view, decision.Events);
        var body = JsonSerializer.Serialize(respond(after), ApiJson.Options);
        if (idempotency is not null)
        {
            Idempotency.Remember(session, idempotency, successStatus, body, location: null, now);
        }

        var problem = await StreamWriter.AppendAsync(session, context, accountId, loaded.Version, decision, token);
        if (problem is not null)
        {
            return problem;
        }

        context.Response.Headers.ETag = etagAt(loaded.Version + decision.Events.Count);
        return Results.Text(body, "application/json", statusCode: successStatus);
    }
}
