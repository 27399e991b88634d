using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Migrations;
using Marten;

namespace EnterpriseLedger.AuditBench;

/// <summary>An Enterprise Account made by the migration, with the users that generated entries mention.</summary>
internal sealed record BenchAccount(Guid Id, string Name, IReadOnlyList<BenchUser> Admins)
{
    /// <summary>
    /// Migrates one company, as <c>./ledger migrate</c> does, into an account whose chain then holds the entries
    /// of the migration. The company has one licensed team with two admins and three other members.
    /// </summary>
    public static async Task<BenchAccount> MigrateAsync(
        IDocumentStore store, string name, CancellationToken cancellationToken)
    {
        var admins = new[] { BenchUser.Of(name, "admin-1"), BenchUser.Of(name, "admin-2") };
        var others = new[] { BenchUser.Of(name, "dev-1"), BenchUser.Of(name, "dev-2"), BenchUser.Of(name, "viewer") };
        using var input = JsonDocument.Parse(CompanyJson(name, admins, others).ToJsonString());
        var item = MigrationInputReader.ToItem($"{name}.json", 1, input.RootElement);

        var runner = new MigrationRunner(store, TimeProvider.System);
        await foreach (var result in runner.RunAsync(Once(item), "audit-bench", cancellationToken))
        {
            if (result is { Outcome: MigrationOutcome.Migrated, AccountId: { } id, AccountName: { } accountName })
            {
                return new BenchAccount(id, accountName, admins);
            }

            throw new AuditBenchException(
                $"The migration of {name} ended as {result.Outcome} ({string.Join("; ", result.Reasons)}"
                + $"{result.Error}), not as migrated; the benchmark needs a migrated account.");
        }

        throw new AuditBenchException($"The migration of {name} returned no result.");
    }

    private static JsonObject CompanyJson(string name, BenchUser[] admins, BenchUser[] others)
    {
        var members = admins.Select(user => Member(user, "admin"))
            .Concat(others.Select((user, index) => Member(user, index < 2 ? "member" : "viewer")));
        return new JsonObject
        {
            ["company"] = new JsonObject { ["id"] = BenchUser.IdOf(name, "company").ToString(), ["name"] = name },
            ["participated_in_beta"] = false,
            ["enterprise_account"] = null,
            ["teams"] = new JsonArray(new JsonObject
            {
                ["id"] = BenchUser.IdOf(name, "team").ToString(),
                ["name"] = name,
                ["created_at"] = "2019-03-01T09:00:00Z",
                ["provisioned_licenses"] = true,
                ["members"] = new JsonArray([.. members]),
            }),
        };
    }

    private static JsonObject Member(BenchUser user, string role) => new()
    {
        ["user"] = new JsonObject { ["id"] = user.Id.ToString(), ["email"] = user.Email },
        ["role"] = role,
        ["two_factor_authentication"] = true,
        ["federated"] = false,
        ["identity_provider"] = null,
    };

    private static async IAsyncEnumerable<InputItem> Once(InputItem item)
    {
        await Task.CompletedTask;
        yield return item;
    }
}
