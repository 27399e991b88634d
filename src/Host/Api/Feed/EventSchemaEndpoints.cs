using System.Text.Json.Nodes;
using EnterpriseLedger.Host.Feed;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Feed;

/// <summary><c>GET /events/schemas</c>: the published event contract, readable without a token.</summary>
public static class EventSchemaEndpoints
{
    [WolverineGet("/events/schemas")]
    [AllowAnonymous]
    [Tags("Event feed")]
    [EndpointSummary("Get the JSON Schemas of the envelope and of every public event, with versions (needs no token)")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK)]
    public static IResult Get()
    {
        var events = new JsonObject();
        foreach (var (type, version) in EventContract.Versions.OrderBy(pair => pair.Key.Name, StringComparer.Ordinal))
        {
            events[type.Name] = new JsonObject { ["version"] = version, ["schema"] = EventSchemas.For(type) };
        }

        var contract = new JsonObject { ["envelope"] = EventSchemas.Envelope(), ["events"] = events };
        return Results.Content(contract.ToJsonString(), "application/json");
    }
}
