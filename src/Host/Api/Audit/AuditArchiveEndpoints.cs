using System.Security.Cryptography;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Audit;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Audit;

/// <summary>
/// The monthly audit archives of an account, in the shape of Heroku's <c>archive</c> resource, for members with
/// manage. The current month is complete up to the request. Each download is recorded as an audit entry.
/// </summary>
public static class AuditArchiveEndpoints
{
    public sealed record ArchiveRepresentation(
        DateTimeOffset CreatedAt, string Month, int Year, string Url, string Checksum, long Size);

    [WolverineGet("/enterprise-accounts/{idOrName}/archives")]
    [Tags("Audit log")]
    [EndpointSummary("List the account's monthly audit archives (needs manage)")]
    [ProducesResponseType<IReadOnlyList<ArchiveRepresentation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> List(
        string idOrName, HttpContext context, IQuerySession session, AuditStore store, AuditArchives archives,
        CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ReadAuditLog, token);
        if (granted is null)
        {
            return problem ?? ApiProblem.NotFound("enterprise account", idOrName);
        }

        var accountId = granted.Account.Id;
        var upTo = await store.LastPositionAsync(accountId, token);
        var representations = new List<ArchiveRepresentation>();
        foreach (var archive in await archives.ListAsync(accountId, upTo, token))
        {
            representations.Add(await RepresentAsync(context, archives, archive, idOrName, token));
        }

        representations.Reverse();
        return Results.Json(representations, ApiJson.Options);
    }

    [WolverineGet("/enterprise-accounts/{idOrName}/archives/{year}/{month}")]
    [Tags("Audit log")]
    [EndpointSummary("Show one month's audit archive with its checksum and download url (needs manage)")]
    [ProducesResponseType<ArchiveRepresentation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> Get(
        string idOrName, string year, string month, HttpContext context, IQuerySession session, AuditStore store,
        AuditArchives archives, CancellationToken token)
    {
        var (found, problem) = await FindAsync(idOrName, year, month, context, session, store, archives, token);
        return found is null
            ? problem ?? ApiProblem.NotFound("archive", $"{idOrName}/{year}/{month}")
            : Results.Json(await RepresentAsync(context, archives, found, idOrName, token), ApiJson.Options);
    }

    [WolverineGet("/enterprise-accounts/{idOrName}/archives/{year}/{month}/download")]
    [Tags("Audit log")]
    [EndpointSummary("Download one month's audit archive as gzipped JSON; the download is logged (needs manage)")]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/gzip")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task Download(
        string idOrName, string year, string month, HttpContext context, IQuerySession session,
        IDocumentStore documents, AuditStore store, AuditArchives archives, TimeProvider clock, CancellationToken token)
    {
        var (found, problem) = await FindAsync(idOrName, year, month, context, session, store, archives, token);
        if (found is null)
        {
            await (problem ?? ApiProblem.NotFound("archive", $"{idOrName}/{year}/{month}")).ExecuteAsync(context);
            return;
        }

        // The download's own entry comes after the archive's last position, so it lands in the next download.
        var download = new AuditLogDownloaded(
            found.Digest.AccountId, found.Month.Period.ToString(), "archive", found.Month.Count,
            context.Caller().Actor(clock.GetUtcNow()));
        await AuditDownloads.RecordAsync(documents, context, download, token);

        var response = context.Response;
        response.ContentType = "application/gzip";
        response.Headers.ContentDisposition =
            $"attachment; filename=\"audit-{idOrName}-{found.Month.Period}.json.gz\"";
        if (found.Seal is { Checksum: { } checksum, Size: { } size })
        {
            response.Headers["Digest-SHA256"] = checksum;
            response.ContentLength = size;
        }

        await archives.WriteAsync(response.Body, found, gzip: true, token);
    }

    [WolverineGet("/audit/public-key")]
    [AllowAnonymous]
    [Tags("Audit log")]
    [EndpointSummary("Get the public key (PEM) that verifies audit archive signatures (needs no token)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, contentType: "application/x-pem-file")]
    public static IResult PublicKey(ECDsa signingKey) =>
        Results.Text(AuditSigningKey.PublicPem(signingKey), "application/x-pem-file");

    private static async Task<(AuditArchive? Archive, IResult? Problem)> FindAsync(
        string idOrName, string year, string month, HttpContext context, IQuerySession session, AuditStore store,
        AuditArchives archives, CancellationToken token)
    {
        var (granted, problem) = await AccountAccess.CheckAsync(
            session, context.Caller(), idOrName, AccountAction.ReadAuditLog, token);
        if (granted is null)
        {
            return (null, problem ?? ApiProblem.NotFound("enterprise account", idOrName));
        }

        if (!AuditPeriod.TryParse($"{year}-{month}", out var period) || year.Length != 4 || month.Length != 2)
        {
            return (null, ApiProblem.BadRequest(
                "invalid_params",
                $"Invalid archive month '{year}/{month}'; expected a year and a two-digit month, "
                + "such as 2026/11."));
        }

        var upTo = await store.LastPositionAsync(granted.Account.Id, token);
        var archive = await archives.FindAsync(granted.Account.Id, period, upTo, token);
        return archive is null
            ? (null, ApiProblem.NotFound("archive", $"{idOrName}/{period}"))
            : (archive, null);
    }

    private static async Task<ArchiveRepresentation> RepresentAsync(
        HttpContext context, AuditArchives archives, AuditArchive archive, string idOrName, CancellationToken token)
    {
        var (checksum, size) = await archives.ChecksumAsync(archive, token);
        var period = archive.Month.Period;
        var url = $"{context.Request.Scheme}://{context.Request.Host}"
            + $"/enterprise-accounts/{Uri.EscapeDataString(idOrName)}"
            + $"/archives/{period.Year:D4}/{period.Month:D2}/download";
        return new ArchiveRepresentation(
            archive.Month.LastCreatedAt, $"{period.Month:D2}", period.Year, url, checksum, size);
    }
}
