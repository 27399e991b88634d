using EnterpriseLedger.Host.Broker;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace EnterpriseLedger.Tests.Broker;

public sealed class BrokerOptionsTests
{
    [Fact]
    public void no_uri_means_no_broker() => BrokerOptions.From(Configuration([])).ShouldBeNull();

    [Fact]
    public void exchange_defaults_to_ledger_events()
    {
        var options = BrokerOptions.From(Configuration(new() { [BrokerOptions.UriKey] = "amqp://u:p@127.0.0.1:5672" }));

        options.ShouldNotBeNull();
        options.Exchange.ShouldBe("ledger.events");
        options.Destination.ShouldBe(new Uri("rabbitmq://exchange/ledger.events"));
    }

    [Theory]
    [InlineData("127.0.0.1:5672")]
    [InlineData("http://u:secret@127.0.0.1:5672")]
    public void invalid_uri_is_rejected_without_its_value(string value)
    {
        var error = Should.Throw<InvalidOperationException>(
            () => BrokerOptions.From(Configuration(new() { [BrokerOptions.UriKey] = value })));

        error.Message.ShouldContain(BrokerOptions.UriKey);
        error.Message.ShouldNotContain("secret");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
