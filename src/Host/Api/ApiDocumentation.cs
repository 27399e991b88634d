using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// The API's description: the OpenAPI document at <c>/openapi.json</c> and a browsable page at <c>/docs</c>, both
/// readable without a token.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi.json";

    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EnterpriseLedger";
            document.Info.Description =
                "Enterprise Accounts in the shape of Heroku's Platform API v3. Every request but this document "
                + "needs Authorization: Bearer TOKEN (./ledger tokens create).";
            return Task.CompletedTask;
        });

    public static void Map(WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.DocumentTitle = "EnterpriseLedger API";
            ui.SwaggerEndpoint(DocumentPath, "EnterpriseLedger");
        });
    }
}
