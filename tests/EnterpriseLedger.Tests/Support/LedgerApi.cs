using System.Net.Http.Headers;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.Hosting;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseLedger.Tests.Support;

/// <summary>
/// The real HTTP host, listening on 127.0.0.1 on a free port, against the test database. It starts on the first
/// <see cref="StartAsync"/> and stops on dispose. Tokens are issued in-process through the token decisions and
/// Marten, without running the command line.
/// </summary>
/// <remarks>
/// xunit 2 cannot pass one fixture to another's constructor, so the database comes in through
/// <see cref="StartAsync"/>: use this class as a class fixture next to the <see cref="DatabaseTests"/> collection,
/// or as a collection fixture, and call <see cref="StartAsync"/> from each test's <c>InitializeAsync</c>.
/// </remarks>
public sealed class LedgerApi : IAsyncLifetime
{
    private readonly Lock _startLock = new();
    private Task<(WebApplication App, HttpClient Client)>? _host;

    public sealed record IssuedToken(Guid Id, string Token);

    public HttpClient Client => Started().Client;

    public IServiceProvider Services => Started().App.Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Starts the host on the first call; later calls wait for that start.</summary>
    public async Task StartAsync(LedgerDatabase database)
    {
        lock (_startLock)
        {
            _host ??= StartHostAsync(database.ConnectionString);
        }

        await _host;
    }

    /// <summary>Builds a GET request, with <c>Authorization: Bearer TOKEN</c> unless the token is null.</summary>
    public static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public Task<IssuedToken> IssueUserTokenAsync(Guid userId, string email) =>
        IssueAsync(TokenRequest.ForUser(userId, email, DateTimeOffset.UtcNow + TokenLifetime.Default));

    /// <summary>
    /// Issues a token as if at <paramref name="issuedAt"/> (now by default), so a past time and a past expiry
    /// make a token that has already expired.
    /// </summary>
    public async Task<IssuedToken> IssueAsync(TokenRequest request, DateTimeOffset? issuedAt = null)
    {
        var actor = new Actor("test", null, issuedAt ?? DateTimeOffset.UtcNow);
        var token = TokenSecret.Generate();
        var tokenId = Guid.CreateVersion7(actor.At);
        var decision = TokenDecisions.Issue(tokenId, TokenSecret.Hash(token), request, actor);
        ThrowIfRejected(decision);

        await using var session = Store.LightweightSession();
        session.Events.StartStream(tokenId, decision.Events.ToArray());
        await session.SaveChangesAsync();
        return new IssuedToken(tokenId, token);
    }

    public async Task RevokeAsync(Guid tokenId)
    {
        await using var session = Store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(tokenId);
        var token = Aggregates.Fold<ApiToken>(events.Select(@event => @event.Data), ApiToken.Evolve);
        var decision = TokenDecisions.Revoke(token, tokenId, new Actor("test", null, DateTimeOffset.UtcNow));
        ThrowIfRejected(decision);

        session.Events.Append(tokenId, decision.Events.ToArray());
        await session.SaveChangesAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not { IsCompletedSuccessfully: true })
        {
            return;
        }

        var (app, client) = await _host;
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartHostAsync(string connectionString)
    {
        // Each host signs archives with a new key in the temporary folder, never with the developer's own key.
        var signingKey = Path.Combine(Path.GetTempPath(), $"ledger-test-key-{Guid.NewGuid():N}.pem");

        // Port 0 lets the operating system pick a free port; after the start, Urls contains the bound address.
        string[] args =
        [
            $"--ConnectionStrings:Ledger={connectionString}",
            "--urls=http://127.0.0.1:0",
            $"--{AuditSigningKey.ConfigurationKey}={signingKey}",
        ];
        var app = await LedgerWebHost.BuildAsync(args, CancellationToken.None);
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    private (WebApplication App, HttpClient Client) Started() =>
        _host is { IsCompletedSuccessfully: true } host ? host.Result : throw NotStarted();

    private static void ThrowIfRejected(Decision decision)
    {
        if (decision.Error is { } error)
        {
            throw new InvalidOperationException($"The token decision was rejected: {error.Code}: {error.Message}");
        }
    }

    private static InvalidOperationException NotStarted() =>
        new("The API host is not started; call StartAsync from the test's InitializeAsync.");
}
