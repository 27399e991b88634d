using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// The write path of every API request: load an aggregate from its events, check the client's If-Match, and
/// append what the pure decision returned with the version it was decided on, in one transaction. A writer that
/// lost a race gets 409, never 500.
/// </summary>
public static class StreamWriter
{
    public sealed record Loaded<T>(T State, long Version);

    public static async Task<Loaded<T>?> LoadAsync<T>(
        IQuerySession session, Guid streamId, Func<T?, object, T?> evolve, CancellationToken token) where T : class
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: token);
        var state = Aggregates.Fold(events.Select(e => e.Data), evolve);
        return state is null ? null : new Loaded<T>(state, events.Count == 0 ? 0 : events[^1].Version);
    }

    public static Task<Loaded<EnterpriseAccount>?> LoadAccountAsync(IQuerySession session, Guid id, CancellationToken token) =>
        LoadAsync<EnterpriseAccount>(session, id, EnterpriseAccount.Evolve, token);

    public static Task<Loaded<EnterpriseTeam>?> LoadTeamAsync(IQuerySession session, Guid id, CancellationToken token) =>
        LoadAsync<EnterpriseTeam>(session, id, EnterpriseTeam.Evolve, token);

    /// <summary>Returns 412 when the request's If-Match names another ETag than <paramref name="current"/>.</summary>
    public static IResult? CheckIfMatch(HttpContext context, string current)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*" || ifMatch.Split(',').Any(tag => tag.Trim() == current))
        {
            return null;
        }

        return ApiProblem.Create(
            StatusCodes.Status412PreconditionFailed,
            "precondition_failed",
            $"The resource changed since you read it (it is now at {current}); read it again and retry.");
    }

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>
    /// Appends the decision's events to the stream, expecting it at <paramref name="version"/>. Returns a problem
    /// for a rejected decision or a lost race, else null.
    /// </summary>
    public static async Task<IResult?> AppendAsync(
        IDocumentSession session, HttpContext context, Guid streamId, long version, Decision decision,
        CancellationToken token)
    {
        if (decision.Error is { } error)
        {
            return DomainProblems.From(error);
        }

        if (decision.Events.Count == 0)
        {
            return null;
        }

        Stamp(session, context);
        session.Events.Append(streamId, version + decision.Events.Count, decision.Events.ToArray());
        return await SaveAsync(session, token);
    }

    /// <summary>Records the request id and client address with every event the request causes.</summary>
    public static void Stamp(IDocumentSession session, HttpContext context)
    {
        session.CorrelationId = context.TraceIdentifier;
        session.SetHeader("request_id", context.TraceIdentifier);
        session.SetHeader("client_ip", context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    public static async Task<IResult?> SaveAsync(IDocumentSession session, CancellationToken token)
    {
        try
        {
            await session.SaveChangesAsync(token);
            return null;
        }
        catch (Exception error) when (error is ConcurrencyException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // Wolverine saves the session again after the endpoint returns, so the failed changes must go.
            session.EjectAllPendingChanges();
            return ApiProblem.Conflict("Another request changed this resource at the same time; read it again and retry.");
        }
        catch (Exception error) when (UniqueViolation(error))
        {
            session.EjectAllPendingChanges();
            return ApiProblem.Invalid(AccountErrors.NameTaken, "That name is already taken by another account.");
        }
    }

    private static bool UniqueViolation(Exception error)
    {
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
