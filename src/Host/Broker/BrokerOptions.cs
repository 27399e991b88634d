using Microsoft.Extensions.Configuration;

namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// The broker fan-out settings: <c>Broker:RabbitMq</c> (environment: <c>Broker__RabbitMq</c>), an AMQP URI such as
/// <c>amqp://guest:guest@127.0.0.1:5672</c>, and <c>Broker:Exchange</c>, the topic exchange that receives the events.
/// Without a URI the host neither connects to a broker nor starts the relay.
/// </summary>
public sealed record BrokerOptions(Uri RabbitMq, string Exchange)
{
    public const string UriKey = "Broker:RabbitMq";
    public const string ExchangeKey = "Broker:Exchange";
    public const string DefaultExchange = "ledger.events";

    /// <summary>Reads the settings; returns null when no broker is configured.</summary>
    /// <exception cref="InvalidOperationException">The URI is not an absolute amqp:// or amqps:// URI.</exception>
    public static BrokerOptions? From(IConfiguration configuration)
    {
        var text = configuration[UriKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            // The value may hold a password, so the message names the setting but not its value.
            throw new InvalidOperationException(
                $"Invalid {UriKey}: expected an AMQP URI such as amqp://USER:PASSWORD@127.0.0.1:5672.");
        }

        var exchange = configuration[ExchangeKey];
        return new BrokerOptions(uri, string.IsNullOrWhiteSpace(exchange) ? DefaultExchange : exchange);
    }

    /// <summary>Returns Wolverine's address of the exchange, the <c>destination</c> of its outbox rows.</summary>
    public Uri Destination => new($"rabbitmq://exchange/{Exchange}");
}
