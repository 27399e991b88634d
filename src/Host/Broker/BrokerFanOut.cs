using System.Text.Json;
using EnterpriseLedger.Host.Feed;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.RabbitMQ;
using Wolverine.Runtime.Serialization;

namespace EnterpriseLedger.Host.Broker;

/// <summary>
/// Sends the global feed's events to RabbitMQ. The <see cref="BrokerRelay"/> reads the feed and enqueues each event
/// in Wolverine's durable outbox, which publishes it to one topic exchange (<c>ledger.events</c>) with the event
/// type as routing key, the event id as AMQP <c>message-id</c> and the <see cref="EventEnvelope"/> JSON as body.
/// </summary>
/// <remarks>
/// The relay, not a Wolverine handler, publishes, because <c>./ledger migrate</c> and other commands append events
/// without Wolverine. The message id comes from the envelope's <see cref="Envelope.DeduplicationId"/>, which the
/// relay sets to the event id: Wolverine's own envelope id is new for each enqueue, so a message enqueued again after
/// a crash would otherwise carry another id. RabbitMQ's sender in WolverineFx.RabbitMQ 6.64 sets
/// <c>message-id</c> from <see cref="Envelope.Id"/>; the mapper below replaces that one property.
/// </remarks>
public static class BrokerFanOut
{
    public static void Configure(WolverineOptions options, BrokerOptions broker)
    {
        options.UseRabbitMq(broker.RabbitMq)
            .AutoProvision()
            .UseSenderConnectionOnly()
            .DisableSystemRequestReplyQueueDeclaration()
            // With confirmation tracking, a publish returns only once the broker has the message, so Wolverine
            // deletes an outbox row only for a message that a crash of the host can no longer lose.
            .ConfigureChannelCreation(channel =>
            {
                channel.PublisherConfirmationsEnabled = true;
                channel.PublisherConfirmationTrackingEnabled = true;
            });

        options.PublishMessagesToRabbitMqExchange<EventEnvelope>(broker.Exchange, envelope => envelope.Type)
            .UseDurableOutbox()
            // A copy, because Wolverine's serializer adds to its options and the feed's are already in use.
            .DefaultSerializer(new SystemTextJsonSerializer(new JsonSerializerOptions(FeedJson.Options)))
            .UseInterop((_, mapper) => mapper.MapOutgoingProperty(
                envelope => envelope.Id,
                (envelope, properties) => properties.MessageId = envelope.DeduplicationId ?? envelope.Id.ToString()));
    }

    public static IServiceCollection AddBrokerRelay(this IServiceCollection services, BrokerOptions broker)
    {
        services.AddSingleton(broker);
        services.AddSingleton<RelayOutbox>();
        services.AddSingleton<RelayWindow>();
        services.AddSingleton<BrokerRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<BrokerRelay>());
        return services;
    }
}
