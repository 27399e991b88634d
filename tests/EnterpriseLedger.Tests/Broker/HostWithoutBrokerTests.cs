using System.Net;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Broker;
using EnterpriseLedger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wolverine.Runtime;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>Without <c>Broker:RabbitMq</c> the host serves the feed and has no broker endpoint nor relay.</summary>
[Collection(DatabaseTests.Name)]
public sealed class HostWithoutBrokerTests(LedgerDatabase database, LedgerApi api)
    : IClassFixture<LedgerApi>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await Migrator.MigrateAsync(database.Store, Examples.InputPath("single-team"));
        await api.StartAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task host_serves_feed_without_broker()
    {
        var request = TokenRequest.ForService("no-broker", [TokenScopes.EventsRead], DateTimeOffset.UtcNow.AddDays(1));
        var token = (await api.IssueAsync(request)).Token;

        var (response, body) = await api.Client.SendAsync(HttpMethod.Get, "/events?limit=1000", token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.Json().GetProperty("events").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void host_has_no_relay_or_rabbitmq_endpoint()
    {
        var runtime = api.Services.GetRequiredService<IWolverineRuntime>();

        api.Services.GetService<BrokerRelay>().ShouldBeNull();
        api.Services.GetService<BrokerOptions>().ShouldBeNull();
        runtime.Options.Transports.AllEndpoints().ShouldNotContain(endpoint => endpoint.Uri.Scheme == "rabbitmq");
    }
}
