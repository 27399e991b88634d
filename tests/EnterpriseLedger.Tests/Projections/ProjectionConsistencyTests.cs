using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Projections;

[Collection(DatabaseTests.Name)]
public sealed class ProjectionConsistencyTests(LedgerDatabase database) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        var files = Examples.Names.Select(name => Examples.InputPath((string)name[0])).ToArray();
        await Migrator.MigrateAsync(database.Store, files);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task access_views_equal_folded_account_streams()
    {
        await using var session = database.Store.QuerySession();
        var views = await session.Query<AccessView>().ToListAsync();

        views.Count.ShouldBe(3);
        foreach (var view in views)
        {
            var account = await FoldAsync(session, view.Id);
            Describe(view).ShouldBe(Describe(account));
        }
    }

    [Fact]
    public async Task rebuild_restores_deleted_access_views()
    {
        await using (var session = database.Store.LightweightSession())
        {
            session.DeleteWhere<AccessView>(view => view.Name == "globex");
            await session.SaveChangesAsync();
        }

        using var daemon = await database.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<AccessViewProjection>(CancellationToken.None);

        await using var query = database.Store.QuerySession();
        var rebuilt = await query.Query<AccessView>().SingleAsync(view => view.Name == "globex");
        Describe(rebuilt).ShouldBe(Describe(await FoldAsync(query, rebuilt.Id)));
    }

    private static async Task<EnterpriseAccount> FoldAsync(IQuerySession session, Guid accountId)
    {
        var events = await session.Events.FetchStreamAsync(accountId);
        return Aggregates.Fold<EnterpriseAccount>(events.Select(e => e.Data), EnterpriseAccount.Evolve)
            ?? throw new InvalidOperationException($"Stream {accountId} has no AccountCreated.");
    }

    private static string Describe(AccessView view) =>
        Describe(view.Name, view.Members.Select(m => (m.Email, m.Permissions)), view.Teams.Select(t => t.Name));

    private static string Describe(EnterpriseAccount account) =>
        Describe(account.Name, account.Members.Values.Select(m => (m.Email, m.Permissions)), account.Teams.Values);

    private static string Describe(
        string name, IEnumerable<(string Email, Permissions Permissions)> members, IEnumerable<string> teams)
    {
        var memberLines = members.OrderBy(m => m.Email, StringComparer.Ordinal)
            .Select(m => $"{m.Email}={PermissionNames.Format(m.Permissions)}");
        return $"{name} | {string.Join("; ", memberLines)} | {string.Join(", ", teams.Order(StringComparer.Ordinal))}";
    }
}
