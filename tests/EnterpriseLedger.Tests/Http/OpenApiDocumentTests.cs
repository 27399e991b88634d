using System.Text.Json;
using EnterpriseLedger.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// Reads <c>/openapi.json</c> from the running host and compares it with the routes the host maps. Every route must
/// be documented under a resource tag, with a written summary that names the permission needed. Its success response
/// must have a type, and its errors must be Problem Details.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class OpenApiDocumentTests(LedgerDatabase database, LedgerApi api)
    : IClassFixture<LedgerApi>, IAsyncLifetime
{
    /// <summary>The load balancers' probe, which the host maps without a summary or tag.</summary>
    private const string HealthProbe = "GET /health";

    private static readonly string[] ResourceTags =
    [
        "Account", "Audit log", "Banners", "Debug", "Enterprise account members", "Enterprise accounts", "Event feed",
        "Migrations", "Team members", "Teams",
    ];

    public Task InitializeAsync() => api.StartAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task document_lists_every_mapped_route()
    {
        var operations = await OperationsAsync();

        operations.Keys.Order(StringComparer.Ordinal).ShouldBe(MappedEndpoints().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task every_operation_has_written_summary()
    {
        var operations = await ApiOperationsAsync();

        var missing = operations.Where(pair => Text(pair.Value, "summary") is null).Select(pair => pair.Key);
        var placeholders = operations
            .Where(pair => Text(pair.Value, "summary") is { } summary && summary == Text(pair.Value, "operationId"))
            .Select(pair => pair.Key);
        var withoutPermission = operations
            .Where(pair => Text(pair.Value, "summary") is { } summary
                && !summary.Contains("(needs ", StringComparison.Ordinal))
            .Select(pair => pair.Key);

        missing.ShouldBeEmpty("These operations have no summary.");
        placeholders.ShouldBeEmpty("These operations have Wolverine's operation id as their summary.");
        withoutPermission.ShouldBeEmpty("These summaries do not say \"(needs ...)\".");
    }

    [Fact]
    public async Task every_operation_has_resource_tag()
    {
        var operations = await ApiOperationsAsync();

        var untagged = operations
            .Where(pair => Tags(pair.Value) is not [var tag] || !ResourceTags.Contains(tag))
            .Select(pair => $"{pair.Key}: [{string.Join(", ", Tags(pair.Value))}]");

        untagged.ShouldBeEmpty($"Each operation needs exactly one of these tags: {string.Join(", ", ResourceTags)}.");
    }

    [Fact]
    public async Task every_operation_has_typed_success()
    {
        var operations = await ApiOperationsAsync();

        var withoutSuccess = operations
            .Where(pair => !Responses(pair.Value).Any(response => IsSuccess(response.Name)))
            .Select(pair => pair.Key);
        var untyped = operations
            .SelectMany(pair => Responses(pair.Value)
                .Where(response => IsSuccess(response.Name) && !HasSchema(response.Value))
                .Select(response => $"{pair.Key} {response.Name}"));

        withoutSuccess.ShouldBeEmpty("These operations document no 2xx response.");
        untyped.ShouldBeEmpty("These 2xx responses have no content schema.");
    }

    [Fact]
    public async Task errors_are_problem_details()
    {
        var operations = await ApiOperationsAsync();

        var errors = operations
            .SelectMany(pair => Responses(pair.Value)
                .Where(response => !IsSuccess(response.Name))
                .Select(response => (Route: $"{pair.Key} {response.Name}", response.Value)))
            .ToList();
        var notProblems = errors
            .Where(error => Schema(error.Value, "application/problem+json") is not { } schema
                || Text(schema, "$ref") != "#/components/schemas/ProblemDetails")
            .Select(error => error.Route);

        errors.ShouldNotBeEmpty();
        notProblems.ShouldBeEmpty("These error responses are not application/problem+json with ProblemDetails.");
    }

    [Fact]
    public async Task token_endpoints_document_unauthorized()
    {
        var operations = await ApiOperationsAsync();
        var endpoints = MappedEndpoints();

        var without401 = operations
            .Where(pair => endpoints[pair.Key].Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(pair => !Responses(pair.Value).Any(response => response.Name == "401"))
            .Select(pair => pair.Key);

        without401.ShouldBeEmpty("These operations need a token but do not document 401.");
    }

    /// <summary>
    /// Wolverine.Http documents a 404 for every endpoint that returns <c>IResult</c>; the account list has none.
    /// </summary>
    [Fact]
    public async Task account_list_documents_no_404()
    {
        var operations = await ApiOperationsAsync();

        var statuses = Responses(operations["GET /enterprise-accounts"]).Select(response => response.Name);

        statuses.ShouldBe(["200", "206", "400", "401"], ignoreOrder: true);
    }

    [Fact]
    public async Task team_write_documents_precondition_failed()
    {
        var operations = await ApiOperationsAsync();

        var statuses = Responses(operations["PATCH /teams/{idOrName}"]).Select(response => response.Name);

        statuses.ShouldBe(["200", "400", "401", "403", "404", "409", "412", "422"], ignoreOrder: true);
    }

    /// <summary>
    /// Returns the endpoints the host maps, keyed "METHOD /path", except those hidden from the document.
    /// </summary>
    private Dictionary<string, RouteEndpoint> MappedEndpoints()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()
                is not { ExcludeFromDescription: true })
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (Route: $"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}", endpoint)))
            .ToDictionary(pair => pair.Route, pair => pair.endpoint);
    }

    private async Task<Dictionary<string, JsonElement>> ApiOperationsAsync()
    {
        var operations = await OperationsAsync();
        operations.Remove(HealthProbe);
        return operations;
    }

    /// <summary>Returns the document's operations, keyed "METHOD /path".</summary>
    private async Task<Dictionary<string, JsonElement>> OperationsAsync()
    {
        using var response = await api.Client.GetAsync("/openapi.json");
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);

        var paths = JsonDocument.Parse(body).RootElement.GetProperty("paths");
        return paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToDictionary(pair => pair.Item1, pair => pair.Value);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static List<string> Tags(JsonElement operation) =>
        operation.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().Select(tag => tag.GetString() ?? "").ToList()
            : [];

    private static IEnumerable<JsonProperty> Responses(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) ? responses.EnumerateObject() : [];

    private static bool IsSuccess(string status) => status.StartsWith('2');

    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(media => media.Value.TryGetProperty("schema", out _));

    private static JsonElement? Schema(JsonElement response, string mediaType) =>
        response.TryGetProperty("content", out var content)
        && content.TryGetProperty(mediaType, out var media)
        && media.TryGetProperty("schema", out var schema)
            ? schema
            : null;
}
