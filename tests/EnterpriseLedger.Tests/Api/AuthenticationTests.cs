using System.Net;
using System.Text.Json;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Tests.Support;
using Shouldly;

// Not EnterpriseLedger.Tests.Api, because that namespace would hide Acme.Api from the domain tests.
namespace EnterpriseLedger.Tests.Http;

[Collection(DatabaseTests.Name)]
public sealed class AuthenticationTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private static readonly Guid Ana = Guid.Parse("398ee01e-927d-54a9-b44c-1c19727987c2");

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await api.StartAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task request_without_token_is_unauthorized()
    {
        using var response = await api.Client.SendAsync(LedgerApi.Get("/account", token: null));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var body = await ReadJsonAsync(response);
        body.RootElement.GetProperty("status").GetInt32().ShouldBe(401);
        body.RootElement.GetProperty("title").GetString().ShouldBe("Unauthorized");
        body.RootElement.GetProperty("id").GetString().ShouldBe("unauthorized");
        body.RootElement.GetProperty("message").GetString().ShouldBe("Missing or invalid bearer token.");
        body.RootElement.GetProperty("detail").GetString().ShouldBe("Missing or invalid bearer token.");
    }

    [Fact]
    public async Task unknown_token_is_unauthorized()
    {
        using var response = await api.Client.SendAsync(LedgerApi.Get("/account", TokenSecret.Generate()));

        await ShouldBeRejectedAsync(response, "Missing or invalid bearer token.");
    }

    [Theory]
    [InlineData("Bearer not-a-ledger-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic YW5hOnNlY3JldA==")]
    public async Task malformed_authorization_is_unauthorized(string header)
    {
        using var request = LedgerApi.Get("/account", token: null);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await api.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var body = await ReadJsonAsync(response);
        body.RootElement.GetProperty("id").GetString().ShouldBe("unauthorized");
    }

    [Fact]
    public async Task expired_token_is_unauthorized()
    {
        var issuedAt = DateTimeOffset.UtcNow.AddDays(-2);
        var request = TokenRequest.ForUser(Ana, "ana@northwind.test", issuedAt.AddDays(1));
        var expired = await api.IssueAsync(request, issuedAt);

        using var response = await api.Client.SendAsync(LedgerApi.Get("/account", expired.Token));

        await ShouldBeRejectedAsync(response, "The token has expired.");
    }

    [Fact]
    public async Task revoked_token_is_unauthorized()
    {
        var issued = await api.IssueUserTokenAsync(Ana, "ana@northwind.test");
        await api.RevokeAsync(issued.Id);

        using var response = await api.Client.SendAsync(LedgerApi.Get("/account", issued.Token));

        await ShouldBeRejectedAsync(response, "The token has been revoked.");
    }

    [Fact]
    public async Task user_token_reads_own_account()
    {
        var issued = await api.IssueUserTokenAsync(Ana, "ana@northwind.test");

        using var response = await api.Client.SendAsync(LedgerApi.Get("/account", issued.Token));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = await ReadJsonAsync(response);
        body.RootElement.GetProperty("id").GetGuid().ShouldBe(Ana);
        body.RootElement.GetProperty("email").GetString().ShouldBe("ana@northwind.test");
    }

    [Fact]
    public async Task bearer_scheme_is_case_insensitive()
    {
        var issued = await api.IssueUserTokenAsync(Ana, "ana@northwind.test");
        using var request = LedgerApi.Get("/account", token: null);
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + issued.Token);

        using var response = await api.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task operator_token_has_no_account()
    {
        var issued = await api.IssueAsync(TokenRequest.ForOperator(DateTimeOffset.UtcNow.AddHours(1)));

        using var response = await api.Client.SendAsync(LedgerApi.Get("/account", issued.Token));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var body = await ReadJsonAsync(response);
        body.RootElement.GetProperty("status").GetInt32().ShouldBe(403);
        body.RootElement.GetProperty("id").GetString().ShouldBe("forbidden");
        (body.RootElement.GetProperty("message").GetString() ?? "").ShouldContain("Only a user token has an account");
    }

    [Fact]
    public async Task health_needs_no_token()
    {
        using var response = await api.Client.SendAsync(LedgerApi.Get("/health", token: null));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ShouldBeRejectedAsync(HttpResponseMessage response, string message)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ShouldHaveSingleItem();
        challenge.Scheme.ShouldBe("Bearer");
        (challenge.Parameter ?? "").ShouldContain("error=\"invalid_token\"");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var body = await ReadJsonAsync(response);
        body.RootElement.GetProperty("id").GetString().ShouldBe("unauthorized");
        body.RootElement.GetProperty("message").GetString().ShouldBe(message);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
