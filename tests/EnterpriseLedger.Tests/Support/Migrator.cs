using EnterpriseLedger.Host.Migrations;
using Marten;

namespace EnterpriseLedger.Tests.Support;

/// <summary>Runs migrations the way the <c>migrate</c> command does, and collects the results.</summary>
public static class Migrator
{
    public static async Task<List<MigrationResult>> MigrateAsync(IDocumentStore store, params string[] files)
    {
        var runner = new MigrationRunner(store, TimeProvider.System);
        var results = new List<MigrationResult>();
        foreach (var file in files)
        {
            await MigrationInputReader.CheckSyntaxAsync(file, CancellationToken.None);
            var items = MigrationInputReader.ReadAsync(file, null, CancellationToken.None);
            await foreach (var result in runner.RunAsync(items, "test", CancellationToken.None))
            {
                results.Add(result);
            }
        }

        return results;
    }

    public static async Task<MigrationResult> MigrateOneAsync(IDocumentStore store, string file) =>
        (await MigrateAsync(store, file)).Single();

    public static async Task<long> EventCountAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
