using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Migrations;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Migrations;

[Collection(DatabaseTests.Name)]
public sealed class ExampleMigrationTests(LedgerDatabase database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public async Task example_gets_its_expected_outcome(string name)
    {
        var expected = Examples.Expected(name);

        var result = await Migrator.MigrateOneAsync(database.Store, Examples.InputPath(name));

        MigrationOutcomes.ToName(result.Outcome).ShouldBe(expected.Outcome);
        result.AccountName.ShouldBe(expected.Account);
        result.Reasons.ShouldBe(expected.Reasons);
        MembersOf(result).ShouldBe(Flatten(expected.Members));
        result.Banner.Select(recipient => recipient.Email).ShouldBe(expected.Banner ?? []);
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public async Task access_view_matches_expected_members(string name)
    {
        var expected = Examples.Expected(name);

        var result = await Migrator.MigrateOneAsync(database.Store, Examples.InputPath(name));

        await using var session = database.Store.QuerySession();
        var view = result.AccountId is { } id ? await session.LoadAsync<AccessView>(id) : null;
        if (expected.Account is null)
        {
            view.ShouldBeNull();
            return;
        }

        view.ShouldNotBeNull();
        view.Name.ShouldBe(expected.Account);
        var members = view.Members.ToDictionary(m => m.Email, m => PermissionNames.Format(m.Permissions));
        members.ShouldBe(Flatten(expected.Members));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public async Task banner_view_lists_expected_users(string name)
    {
        var expected = Examples.Expected(name);

        var result = await Migrator.MigrateOneAsync(database.Store, Examples.InputPath(name));

        await using var session = database.Store.QuerySession();
        var status = await session.LoadAsync<MigrationStatusView>(result.CompanyId ?? Guid.Empty);
        status.ShouldNotBeNull();
        status.Status.ShouldBe(expected.Outcome);
        status.BannerEmails.ShouldBe(expected.Banner ?? []);
    }

    [Fact]
    public async Task collaborator_sees_no_banner()
    {
        await Migrator.MigrateOneAsync(database.Store, Examples.InputPath("no-admin-on-every-team"));

        await using var session = database.Store.QuerySession();
        var banners = await session.Query<MigrationStatusView>()
            .Where(view => view.Status == "blocked" && view.BannerEmails.Contains("pat@outside.test"))
            .ToListAsync();
        banners.ShouldBeEmpty();
    }

    private static Dictionary<string, string> MembersOf(Host.Migrations.MigrationResult result) =>
        result.Members.ToDictionary(member => member.Email, member => PermissionNames.Format(member.Permissions));

    // Lists compare by reference inside a dictionary, so permissions compare as their joined names.
    private static Dictionary<string, string> Flatten(Dictionary<string, List<string>> members) =>
        members.ToDictionary(entry => entry.Key, entry => string.Join(", ", entry.Value));
}
