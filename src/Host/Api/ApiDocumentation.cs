using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// The API's description: the OpenAPI document at <c>/openapi.json</c> and a browsable page at <c>/docs</c>, both
/// readable without a token. Each endpoint declares its tag, summary and responses with attributes.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi.json";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EnterpriseLedger";
            document.Info.Description =
                "Enterprise Accounts in the shape of Heroku's Platform API v3. Every request but this document "
                + "needs Authorization: Bearer TOKEN (./ledger tokens create). A request whose Accept header asks "
                + $"for a version of {HerokuVersion.MediaType} other than {HerokuVersion.Supported} gets 406.";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            KeepDeclaredResponses(operation, context.Description);

            // Wolverine.Http 6.64.2 uses the operation id as the description of an endpoint that declares none.
            if (operation.Description == operation.OperationId)
            {
                operation.Description = null;
            }

            return Task.CompletedTask;
        });
    }

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

    /// <summary>
    /// Removes every response that an endpoint with <c>[ProducesResponseType]</c> attributes does not declare.
    /// </summary>
    /// <remarks>
    /// Wolverine.Http 6.64.2 treats an <c>IResult</c> return value as the response body. It documents every such
    /// endpoint with a 200 of type <c>IResult</c> and a 404 for a null result, which these endpoints never return.
    /// A declared 200 replaces the first, but the 404 would stay on endpoints that cannot return it, and a 200
    /// would stay beside a declared 201.
    /// </remarks>
    private static void KeepDeclaredResponses(OpenApiOperation operation, ApiDescription description)
    {
        var declared = description.ActionDescriptor.EndpointMetadata
            .OfType<IApiResponseMetadataProvider>()
            .Select(response => response.StatusCode.ToString(CultureInfo.InvariantCulture))
            .ToHashSet(StringComparer.Ordinal);
        if (declared.Count == 0 || operation.Responses is not { } responses)
        {
            return;
        }

        foreach (var status in responses.Keys.Where(status => !declared.Contains(status)).ToList())
        {
            responses.Remove(status);
        }
    }
}
