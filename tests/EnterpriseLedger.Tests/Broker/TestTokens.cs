using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Tokens;
using Marten;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>Issues API tokens straight into the database, for a host that runs as a separate process.</summary>
public static class TestTokens
{
    public static Task<string> OperatorAsync(IDocumentStore store) =>
        IssueAsync(store, TokenRequest.ForOperator(DateTimeOffset.UtcNow.AddDays(1)));

    public static Task<string> EventReaderAsync(IDocumentStore store) =>
        IssueAsync(store, TokenRequest.ForService(
            "broker-tests", [TokenScopes.EventsRead], DateTimeOffset.UtcNow.AddDays(1)));

    private static async Task<string> IssueAsync(IDocumentStore store, TokenRequest request)
    {
        var actor = new Actor("test", null, DateTimeOffset.UtcNow);
        var token = TokenSecret.Generate();
        var tokenId = Guid.CreateVersion7(actor.At);
        var decision = TokenDecisions.Issue(tokenId, TokenSecret.Hash(token), request, actor);
        if (decision.Error is { } error)
        {
            throw new InvalidOperationException($"The token decision was rejected: {error.Code}: {error.Message}");
        }

        await using var session = store.LightweightSession();
        session.Events.StartStream(tokenId, decision.Events.ToArray());
        await session.SaveChangesAsync();
        return token;
    }
}
