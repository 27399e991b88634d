using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Migrations;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.LoadBench;

/// <summary>An account under load: its name, a token of one of its managers, and its view-only members.</summary>
internal sealed record AccountTarget(string Name, string AdminToken, IReadOnlyList<Guid> ViewOnlyMembers);

/// <summary>Fills the benchmark database: migrates the companies, then issues tokens for chosen accounts.</summary>
internal static class BenchAccounts
{
    private const string ActorId = "loadbench";

    public static async Task<int> MigrateAsync(
        IDocumentStore store, string file, ILogger logger, CancellationToken cancellationToken)
    {
        await MigrationInputReader.CheckSyntaxAsync(file, cancellationToken);
        var runner = new MigrationRunner(store, TimeProvider.System, logger);
        var items = MigrationInputReader.ReadAsync(file, progress: null, cancellationToken);
        var (migrated, total) = (0, 0);
        await foreach (var result in runner.RunAsync(items, ActorId, cancellationToken))
        {
            total++;
            migrated += result.Outcome == MigrationOutcome.Migrated ? 1 : 0;
        }

        LoadBenchLog.Migrated(logger, migrated, total, file);
        return migrated;
    }

    /// <summary>
    /// Picks the first <paramref name="count"/> accounts by name that have a member with manage and a view-only
    /// member, and issues a user token for the first such manager of each.
    /// </summary>
    public static async Task<IReadOnlyList<AccountTarget>> ChooseAsync(
        IDocumentStore store, int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<AccessView> views;
        await using (var query = store.QuerySession())
        {
            views = await query.Query<AccessView>().OrderBy(view => view.Name).ToListAsync(cancellationToken);
        }

        var targets = new List<AccountTarget>(count);
        foreach (var view in views.Where(IsUsable).Take(count))
        {
            var admin = view.Members.First(IsManager);
            var token = await IssueTokenAsync(store, admin, cancellationToken);
            var viewOnly = view.Members.Where(IsViewOnly).Select(member => member.UserId).ToList();
            targets.Add(new AccountTarget(view.Name, token, viewOnly));
        }

        return targets;
    }

    private static bool IsUsable(AccessView view) =>
        view.Members.Any(IsManager) && view.Members.Any(IsViewOnly);

    private static bool IsManager(AccessMember member) => member.Permissions.HasFlag(Permissions.Manage);

    private static bool IsViewOnly(AccessMember member) => member.Permissions == Permissions.View;

    private static async Task<string> IssueTokenAsync(
        IDocumentStore store, AccessMember admin, CancellationToken cancellationToken)
    {
        var actor = new Actor(ActorId, null, DateTimeOffset.UtcNow);
        var token = TokenSecret.Generate();
        var tokenId = Guid.CreateVersion7(actor.At);
        var request = TokenRequest.ForUser(admin.UserId, admin.Email, actor.At + TokenLifetime.Default);
        var decision = TokenDecisions.Issue(tokenId, TokenSecret.Hash(token), request, actor);
        if (decision.Error is { } error)
        {
            throw new InvalidOperationException($"Issuing a token for {admin.Email} was rejected: {error.Message}");
        }

        await using var session = store.LightweightSession();
        session.Events.StartStream(tokenId, [.. decision.Events]);
        await session.SaveChangesAsync(cancellationToken);
        return token;
    }
}
