using EnterpriseLedger.Domain.Audit;
using Marten;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api.Audit;

/// <summary>Records that a caller downloaded an account's audit log, as an event of its own stream.</summary>
public static class AuditDownloads
{
    public static async Task RecordAsync(
        IDocumentStore documents, HttpContext context, AuditLogDownloaded download, CancellationToken token)
    {
        await using var session = documents.LightweightSession();
        StreamWriter.Stamp(session, context);
        session.Events.StartStream(Guid.CreateVersion7(), download);
        await session.SaveChangesAsync(token);
    }
}
