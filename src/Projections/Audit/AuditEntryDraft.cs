using System.Text.Json.Nodes;

namespace EnterpriseLedger.Projections.Audit;

/// <summary>
/// An audit entry before the database gives it its place in the account's chain and its time: everything in
/// Heroku's <c>audit-trail-event</c> shape except <c>created_at</c> and the names that other events supply.
/// </summary>
public sealed record AuditEntryDraft(
    Guid AccountId,
    Guid EventId,
    string Type,
    string Action,
    JsonObject Actor,
    Guid? TeamId,
    string? TeamName,
    JsonObject Request,
    JsonObject Data)
{
    /// <summary>The actor's email for search, or its name for a process such as the migration.</summary>
    public string ActorKey =>
        (string?)Actor["email"] ?? (string?)Actor["name"] ?? (string?)Actor["id"] ?? "";
}
