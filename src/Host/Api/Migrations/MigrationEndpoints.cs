using System.Text.Json;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Migrations;
using EnterpriseLedger.Projections.Migrations;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EnterpriseLedger.Host.Api.Migrations;

/// <summary>
/// <c>POST /migrations</c> migrates one company given in the migration input format; <c>GET /migrations/{company}</c>
/// returns its status. Both are for operator tokens only.
/// </summary>
[Tags("Migrations")]
public static class MigrationEndpoints
{
    [WolverinePost("/migrations")]
    [EndpointSummary("Migrate one company (needs an operator token)")]
    [ProducesResponseType<MigrationResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<MigrationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public static async Task<IResult> Post(
        HttpContext context, IDocumentStore store, TimeProvider clock, CancellationToken token)
    {
        if (!context.Caller().IsOperator)
        {
            return ApiProblem.Forbidden("Only operator tokens may submit migrations.");
        }

        var (document, problem) = await RequestBody.ReadAsync<JsonDocument>(context.Request, token);
        if (problem is not null || document is null)
        {
            return problem ?? ApiProblem.BadRequest("invalid_json", "The request body must be a company object.");
        }

        using var body = document;
        var item = MigrationInputReader.ToItem("request", 1, body.RootElement);
        var runner = new MigrationRunner(store, clock);
        var result = await runner.RunAsync(One(item), context.Caller().Actor(clock.GetUtcNow()).Id, token).SingleAsync(token);
        if (result.Outcome == MigrationOutcome.Invalid)
        {
            return ApiProblem.Invalid("invalid_company", result.Error ?? "The company is invalid.");
        }

        var status = result.Outcome is MigrationOutcome.Migrated or MigrationOutcome.NotRequired ? 201 : 200;
        return Results.Json(MigrationResponse.From(result), ApiJson.Options, statusCode: status);
    }

    [WolverineGet("/migrations/{company}")]
    [EndpointSummary("Read the migration status of a company (needs an operator token)")]
    [ProducesResponseType<MigrationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public static async Task<IResult> Get(
        string company, HttpContext context, IQuerySession session, CancellationToken token)
    {
        if (!context.Caller().IsOperator)
        {
            return ApiProblem.Forbidden("Only operator tokens may read migrations.");
        }

        var view = Guid.TryParse(company, out var id)
            ? await session.LoadAsync<MigrationStatusView>(id, token)
            : await session.Query<MigrationStatusView>().FirstOrDefaultAsync(v => v.Company == company, token);
        return view is null
            ? ApiProblem.NotFound("migration", company)
            : Results.Json(MigrationResponse.From(view), ApiJson.Options);
    }

    private static async IAsyncEnumerable<InputItem> One(InputItem item)
    {
        await Task.CompletedTask;
        yield return item;
    }
}
