using EnterpriseLedger.Host.Views;
using EnterpriseLedger.Projections.Migrations;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Banners;

/// <summary>
/// <c>GET /account/banners</c>: the banners the calling user must see, one per blocked company in which the user
/// holds a role other than collaborator.
/// </summary>
[Tags("Banners")]
public static class BannerEndpoints
{
    public sealed record Banner(Guid CompanyId, string Company, string Message, IReadOnlyList<string> Reasons);

    [WolverineGet("/account/banners")]
    [EndpointSummary("List the banners the calling user must see (needs any token)")]
    [ProducesResponseType<IReadOnlyList<Banner>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken token)
    {
        if (context.Caller().Email is not { } email)
        {
            return Results.Json(Array.Empty<Banner>(), ApiJson.Options);
        }

        var blocked = await session.Query<MigrationStatusView>()
            .Where(view => view.Status == "blocked" && view.BannerEmails.Contains(email))
            .OrderBy(view => view.Company)
            .ToListAsync(token);
        var banners = blocked.Select(view => new Banner(view.Id, view.Company, BannerCommand.Message(view), view.Reasons));
        return Results.Json(banners, ApiJson.Options);
    }
}
