namespace EnterpriseLedger.Host.Api;

/// <summary>
/// The first response to a POST sent with an <c>Idempotency-Key</c>, stored in the same transaction as the events it
/// caused, so that a retried request gets the same response without a second event.
/// </summary>
public sealed class IdempotentResponse
{
    /// <summary>The caller's token subject, the request path and the key, so that keys never collide across callers.</summary>
    public string Id { get; set; } = "";

    public string RequestSha256 { get; set; } = "";

    public int StatusCode { get; set; }

    public string Body { get; set; } = "";

    public string? Location { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
