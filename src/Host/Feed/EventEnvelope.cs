using System.Text.Json.Serialization;

namespace EnterpriseLedger.Host.Feed;

/// <summary>
/// An event as subscribers receive it, on the feed, the live stream and the broker alike. <see cref="Type"/> is the
/// event's record name and <see cref="Version"/> its contract version (see <c>docs/events/</c>).
/// <see cref="Sequence"/> is global and increasing, and <see cref="StreamVersion"/> is the event's place in its own
/// stream.
/// </summary>
public sealed record EventEnvelope(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("stream")] Guid Stream,
    [property: JsonPropertyName("stream_version")] long StreamVersion,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("actor")] EnvelopeActor? Actor,
    [property: JsonPropertyName("correlation_id")] string? CorrelationId,
    [property: JsonPropertyName("causation_id")] string? CausationId,
    [property: JsonPropertyName("data")] object Data);

/// <summary>The user or process that caused the event: a user's id and email, or the name of a process.</summary>
public sealed record EnvelopeActor(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("email")] string? Email);
