using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// Runs one change to an account: loads it from its events, checks If-Match, decides with the caller as actor,
/// appends at the version it decided on, and returns the changed resource and the account's new ETag.
/// </summary>
public static class AccountWrites
{
    /// <param name="respond">Renders the response from the Access view as it is after the change.</param>
    /// <param name="idempotency">When the request carries an Idempotency-Key, the response is stored with the events.</param>
    public static async Task<IResult> ChangeAsync(
        IDocumentSession session,
        HttpContext context,
        Guid accountId,
        TimeProvider clock,
        Func<EnterpriseAccount, Actor, Decision> decide,
        Idempotency.Request? idempotency,
        int successStatus,
        Func<AccessView, object?> respond,
        CancellationToken token)
    {
        var loaded = await StreamWriter.LoadAccountAsync(session, accountId, token);
        var view = await session.LoadAsync<AccessView>(accountId, token);
        if (loaded is null || view is null)
        {
            return ApiProblem.NotFound("enterprise account", accountId.ToString());
        }

        if (StreamWriter.CheckIfMatch(context, loaded.Version) is { } stale)
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

        context.Response.Headers.ETag = StreamWriter.ETag(loaded.Version + decision.Events.Count);
        return Results.Text(body, "application/json", statusCode: successStatus);
    }
}
