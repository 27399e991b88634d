using System.Net;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>Renaming the northwind account while globex exists (see <see cref="Northwind"/>).</summary>
[Collection(DatabaseTests.Name)]
public sealed class AccountRenameTests(LedgerDatabase database, LedgerApi api)
    : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private string _ana = "";

    public async Task InitializeAsync()
    {
        await api.StartAsync(database);
        await Northwind.MigrateAsync(database);
        _ana = await api.TokenAsync(Northwind.Ana);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task taken_account_name_is_rejected()
    {
        var (response, body) = await api.Client.SendAsync(
            HttpMethod.Patch, "/enterprise-accounts/northwind", _ana, new { name = "globex" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ProblemId().ShouldBe("name_taken");
        (await AccountNamesAsync()).ShouldBe(["globex", "northwind"], ignoreOrder: true);
    }

    [Fact]
    public async Task rejected_rename_leaves_account_usable()
    {
        await api.Client.SendAsync(HttpMethod.Patch, "/enterprise-accounts/northwind", _ana, new { name = "globex" });

        var (response, body) = await api.Client.SendAsync(
            HttpMethod.Patch, "/enterprise-accounts/northwind", _ana, new { name = "northwind-eu" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("name").GetString().ShouldBe("northwind-eu");
    }

    private async Task<IReadOnlyList<string>> AccountNamesAsync()
    {
        await using var session = database.Store.QuerySession();
        return await session.Query<AccessView>().Select(view => view.Name).ToListAsync();
    }
}
