using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EnterpriseLedger.Domain;

namespace EnterpriseLedger.Host.History;

/// <summary>
/// A stream's events and its aggregate's state, as <c>./ledger history</c>, <c>./ledger state</c> and
/// <c>GET /debug/streams/{id}</c> return them in JSON. <see cref="State"/> is the state after the event at
/// <see cref="Version"/>, stored at <see cref="Timestamp"/>: the last event for a history, the requested point for a
/// state.
/// </summary>
public sealed record StreamReport(
    StreamReference Stream,
    long Version,
    DateTimeOffset Timestamp,
    JsonNode? State,
    IReadOnlyList<ReportedEvent> Events);

/// <summary>
/// One event with its metadata. In a history it also carries the state after it and what the event changed. A state
/// report leaves those two out, because its own state is the one requested.
/// </summary>
/// <param name="Timestamp">When the event was stored (Marten's timestamp). The actor's <c>at</c> may differ.</param>
/// <param name="Headers">
/// The request's <c>request_id</c> and <c>client_ip</c> for an event caused through the API, else null.
/// </param>
public sealed record ReportedEvent(
    long Version,
    long Sequence,
    Guid Id,
    string Type,
    DateTimeOffset Timestamp,
    Actor? Actor,
    string? CorrelationId,
    string? CausationId,
    IReadOnlyDictionary<string, object>? Headers,
    JsonNode? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? State = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StateChange>? Changes = null);
