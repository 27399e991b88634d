using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Tests.Http;
using EnterpriseLedger.Tests.Support;
using Marten;

namespace EnterpriseLedger.Tests.History;

/// <summary>
/// The migrated "single-team" example (northwind) with one later change: ana gives cy billing, as
/// <c>PATCH /enterprise-accounts/northwind/members/{cy}</c> would, in a transaction of its own.
/// </summary>
public static class NorthwindHistory
{
    public const string RequestId = "0HNHISTORY:00000001";

    /// <summary>Resets the database, migrates northwind and changes cy's permissions; returns the account id.</summary>
    public static async Task<Guid> SetUpAsync(LedgerDatabase database)
    {
        await Northwind.MigrateAsync(database);
        var accountId = await AccountIdAsync(database.Store, Northwind.Account);
        await SetPermissionsAsync(database.Store, accountId, Northwind.Cy.Id, Permissions.View | Permissions.Billing);
        return accountId;
    }

    public static async Task<Guid> AccountIdAsync(IDocumentStore store, string name)
    {
        await using var session = store.QuerySession();
        var view = await session.Query<AccessView>().SingleAsync(account => account.Name == name);
        return view.Id;
    }

    /// <summary>Appends what <see cref="AccountDecisions.SetPermissions"/> decides, with the API's metadata.</summary>
    public static async Task SetPermissionsAsync(
        IDocumentStore store, Guid accountId, Guid userId, Permissions permissions)
    {
        await using var session = store.LightweightSession();
        var loaded = await Host.Api.StreamWriter.LoadAccountAsync(session, accountId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No account {accountId}.");
        var ana = new Actor(Northwind.Ana.Id.ToString(), Northwind.Ana.Email, DateTimeOffset.UtcNow);
        var decision = AccountDecisions.SetPermissions(loaded.State, userId, permissions, ana);
        if (decision.Error is { } error)
        {
            throw new InvalidOperationException($"SetPermissions was rejected: {error.Code}: {error.Message}");
        }

        session.CorrelationId = RequestId;
        session.SetHeader("request_id", RequestId);
        session.SetHeader("client_ip", "127.0.0.1");
        session.Events.Append(accountId, loaded.Version + decision.Events.Count, decision.Events.ToArray());
        await session.SaveChangesAsync();
    }

    /// <summary>Creates a team with this name in an account, as its first member with manage would.</summary>
    public static async Task<Guid> CreateTeamAsync(IDocumentStore store, Guid accountId, string name)
    {
        await using var session = store.LightweightSession();
        var loaded = await Host.Api.StreamWriter.LoadAccountAsync(session, accountId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No account {accountId}.");
        var teamId = Guid.CreateVersion7();
        var actor = new Actor("test", null, DateTimeOffset.UtcNow);
        var decision = TeamDecisions.CreateTeam(loaded.State, teamId, name, actor);
        if (decision.Error is { } error)
        {
            throw new InvalidOperationException($"CreateTeam was rejected: {error.Code}: {error.Message}");
        }

        session.Events.Append(accountId, loaded.Version + decision.Events.Count, decision.Events.ToArray());
        await session.SaveChangesAsync();
        return teamId;
    }
}
