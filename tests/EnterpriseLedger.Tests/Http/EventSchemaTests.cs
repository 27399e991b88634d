using System.Net;
using EnterpriseLedger.Host.Feed;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// The published event contract: the schemas generated from the event records must equal the committed ones in
/// <c>docs/events/</c>, so that a change to an event is seen in review, and the API serves them.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class EventSchemaTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "docs", "events");

    public Task InitializeAsync() => api.StartAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void committed_schemas_match_the_records()
    {
        var generated = EventSchemas.Files();

        foreach (var (name, text) in generated)
        {
            var file = Path.Combine(Folder, name);
            File.Exists(file).ShouldBeTrue($"{name} is not committed; run ./ledger events schemas --out docs/events.");
            File.ReadAllText(file).ReplaceLineEndings("\n").ShouldBe(
                text, $"{name} differs from its record; a compatible change is rewritten with ./ledger events schemas "
                + "--out docs/events, an incompatible one needs a new version.");
        }

        var committed = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName);
        committed.ShouldBe(generated.Keys, ignoreOrder: true);
    }

    [Fact]
    public async Task api_serves_every_public_event()
    {
        var (response, body) = await api.Client.SendAsync(HttpMethod.Get, "/events/schemas", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var events = body.Json().GetProperty("events").EnumerateObject().Select(member => member.Name).ToList();
        events.ShouldBe(EventContract.PublicNames, ignoreOrder: true);
        body.Json().GetProperty("envelope").GetProperty("properties").TryGetProperty("sequence", out _).ShouldBeTrue();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EnterpriseLedger.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No EnterpriseLedger.sln above {AppContext.BaseDirectory}.");
    }
}
