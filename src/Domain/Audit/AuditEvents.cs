namespace EnterpriseLedger.Domain.Audit;

/// <summary>
/// Someone downloaded or exported an account's audit log. Each download is a stream of its own, so that it never
/// races with the account's writes, and it becomes an audit entry of the account like any other change.
/// </summary>
/// <param name="Period">The month downloaded, <c>yyyy-MM</c>, or null for a search.</param>
/// <param name="Format"><c>archive</c>, <c>json</c>, <c>ndjson</c> or <c>csv</c>.</param>
/// <param name="Entries">The number of entries in the download.</param>
public sealed record AuditLogDownloaded(Guid AccountId, string? Period, string Format, long Entries, Actor Actor);
