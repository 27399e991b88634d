using EnterpriseLedger.Domain;
using EnterpriseLedger.Projections.Users;
using Marten;

namespace EnterpriseLedger.Host.Api;

/// <summary>Finds the user an email names, or gives a new id to an email the ledger has never seen.</summary>
public static class UserLookup
{
    public static async Task<Guid> IdForEmailAsync(IQuerySession session, string email, DateTimeOffset now, CancellationToken token)
    {
        var known = await session.LoadAsync<UserDirectoryView>(EmailAddress.Normalize(email), token);
        return known?.UserId ?? Guid.CreateVersion7(now);
    }
}
