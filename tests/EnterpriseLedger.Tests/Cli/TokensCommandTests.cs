using System.Text.Json;
using System.Text.RegularExpressions;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Projections.Tokens;
using EnterpriseLedger.Projections.Users;
using EnterpriseLedger.Tests.Support;
using Marten;
using Shouldly;

namespace EnterpriseLedger.Tests.Cli;

[Collection(DatabaseTests.Name)]
public sealed partial class TokensCommandTests(LedgerDatabase database) : IAsyncLifetime
{
    private static readonly Guid Ana = Guid.Parse("398ee01e-927d-54a9-b44c-1c19727987c2");
    private static readonly Guid Ed = Guid.Parse("f027f00a-42f9-5769-87fc-c311d68157fd");

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await Migrator.MigrateOneAsync(database.Store, Examples.InputPath("single-team"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task create_for_migrated_user_prints_only_token()
    {
        var output = await RunAsync("tokens", "create", "--user", "ANA@northwind.test");

        output.ExitCode.ShouldBe(0, output.StandardError);
        var token = output.StandardOutput.TrimEnd('\n');
        token.ShouldNotContain("\n");
        TokenSecret.HasTokenShape(token).ShouldBeTrue(token);
        output.StandardError.ShouldContain("ana@northwind.test");
        output.StandardError.ShouldNotContain(token);

        var view = await LoadAsync(TokenIdIn(output.StandardError));
        view.Kind.ShouldBe(TokenKind.User);
        view.UserId.ShouldBe(Ana);
        view.Email.ShouldBe("ana@northwind.test");
        view.Hash.ShouldBe(TokenSecret.Hash(token));
        view.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(5));
        view.RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task create_for_blocked_company_member()
    {
        await Migrator.MigrateOneAsync(database.Store, Examples.InputPath("two-licensed-teams"));

        var output = await RunAsync("tokens", "create", "--user", "mo@initech.test");

        output.ExitCode.ShouldBe(0, output.StandardError);
        var view = await LoadAsync(TokenIdIn(output.StandardError));
        view.Kind.ShouldBe(TokenKind.User);
        view.Email.ShouldBe("mo@initech.test");
        view.UserId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task create_for_collaborator_is_allowed()
    {
        var output = await RunAsync("tokens", "create", "--user", "ed@contractor.test", "--expires", "12h");

        output.ExitCode.ShouldBe(0, output.StandardError);
        var view = await LoadAsync(TokenIdIn(output.StandardError));
        view.UserId.ShouldBe(Ed);
        view.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow.AddHours(12), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task create_after_directory_rebuild()
    {
        await using (var session = database.Store.LightweightSession())
        {
            session.DeleteWhere<UserDirectoryView>(entry => entry.UserId != Guid.Empty);
            await session.SaveChangesAsync();
        }

        using var daemon = await database.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<UserDirectoryProjection>(CancellationToken.None);
        var output = await RunAsync("tokens", "create", "--user", "ed@contractor.test");

        output.ExitCode.ShouldBe(0, output.StandardError);
        (await LoadAsync(TokenIdIn(output.StandardError))).UserId.ShouldBe(Ed);
    }

    [Fact]
    public async Task create_for_unknown_email_fails()
    {
        var output = await RunAsync("tokens", "create", "--user", "nobody@northwind.test");

        output.ExitCode.ShouldBe(1);
        output.StandardOutput.ShouldBeEmpty();
        output.StandardError.ShouldStartWith("No user with email nobody@northwind.test. Users are known once migrated");
        (await CountTokensAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task create_operator_token()
    {
        var output = await RunAsync("tokens", "create", "--operator", "--expires", "7d");

        output.ExitCode.ShouldBe(0, output.StandardError);
        var view = await LoadAsync(TokenIdIn(output.StandardError));
        view.Kind.ShouldBe(TokenKind.Operator);
        view.UserId.ShouldBeNull();
        view.Email.ShouldBeNull();
        view.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow.AddDays(7), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task create_service_token_with_scope()
    {
        var output = await RunAsync("tokens", "create", "--service", "billing", "--scope", "events:read");

        output.ExitCode.ShouldBe(0, output.StandardError);
        var view = await LoadAsync(TokenIdIn(output.StandardError));
        view.Kind.ShouldBe(TokenKind.Service);
        view.ServiceName.ShouldBe("billing");
        view.Scopes.ShouldBe(["events:read"]);
        view.UserId.ShouldBeNull();
    }

    [Theory]
    [InlineData("Invalid --expires 'never'", "--operator", "--expires", "never")]
    [InlineData("Invalid --expires '30m'", "--operator", "--expires", "30m")]
    [InlineData("is more than 365 days away", "--operator", "--expires", "366d")]
    [InlineData("Give exactly one of --user EMAIL, --operator or --service NAME", "--operator", "--service", "billing")]
    [InlineData("Give exactly one of --user EMAIL, --operator or --service NAME")]
    [InlineData("--scope applies to service tokens only", "--user", "ana@northwind.test", "--scope", "events:read")]
    [InlineData("(scope_required)", "--service", "billing")]
    [InlineData("Unknown scope 'events:write'", "--service", "billing", "--scope", "events:write")]
    [InlineData("Invalid --user 'ana'", "--user", "ana")]
    [InlineData("Unknown option --team for 'tokens create'", "--operator", "--team", "web")]
    public async Task invalid_create_is_a_usage_error(string message, params string[] options)
    {
        var output = await RunAsync(["tokens", "create", .. options]);

        output.ExitCode.ShouldBe(2);
        output.StandardOutput.ShouldBeEmpty();
        output.StandardError.ShouldContain(message);
        output.StandardError.Trim().ShouldNotContain("\n");
        (await CountTokensAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task revoke_marks_token_revoked()
    {
        var created = await RunAsync("tokens", "create", "--user", "ana@northwind.test");
        var tokenId = TokenIdIn(created.StandardError);

        var revoked = await RunAsync("tokens", "revoke", tokenId.ToString());

        revoked.ExitCode.ShouldBe(0, revoked.StandardError);
        revoked.StandardOutput.ShouldContain($"Revoked token {tokenId}.");
        (await LoadAsync(tokenId)).RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task revoke_twice_fails()
    {
        var created = await RunAsync("tokens", "create", "--operator");
        var tokenId = TokenIdIn(created.StandardError).ToString();
        await RunAsync("tokens", "revoke", tokenId);

        var again = await RunAsync("tokens", "revoke", tokenId);

        again.ExitCode.ShouldBe(1);
        again.StandardError.ShouldContain("(token_already_revoked)");
        (await EventCountAsync(Guid.Parse(tokenId))).ShouldBe(2);
    }

    [Fact]
    public async Task revoke_unknown_id_fails()
    {
        var output = await RunAsync("tokens", "revoke", "0196a000-0000-7000-8000-000000000001");

        output.ExitCode.ShouldBe(1);
        output.StandardError.ShouldContain("No token with id 0196a000-0000-7000-8000-000000000001");
    }

    [Fact]
    public async Task revoke_given_token_does_not_echo_it()
    {
        var created = await RunAsync("tokens", "create", "--operator");
        var token = created.StandardOutput.Trim();

        var output = await RunAsync("tokens", "revoke", token);

        output.ExitCode.ShouldBe(2);
        output.StandardError.ShouldContain("TOKEN_ID is the token's id, not the token itself");
        output.StandardError.ShouldNotContain(token);
    }

    [Fact]
    public async Task list_shows_tokens_without_secrets()
    {
        var user = await RunAsync("tokens", "create", "--user", "ana@northwind.test");
        var service = await RunAsync("tokens", "create", "--service", "billing", "--scope", "events:read");
        await RunAsync("tokens", "revoke", TokenIdIn(service.StandardError).ToString());
        var secrets = new[] { user.StandardOutput.Trim(), service.StandardOutput.Trim() };
        var hashes = secrets.Select(TokenSecret.Hash).ToArray();

        var json = await RunAsync("tokens", "list", "--output", "json");
        var table = await RunAsync("tokens", "list");

        json.ExitCode.ShouldBe(0, json.StandardError);
        table.ExitCode.ShouldBe(0, table.StandardError);
        foreach (var secret in secrets.Concat(hashes))
        {
            json.StandardOutput.ShouldNotContain(secret);
            table.StandardOutput.ShouldNotContain(secret);
        }

        using var document = JsonDocument.Parse(json.StandardOutput);
        var rows = document.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        json.StandardOutput.ShouldNotContain("\"hash\"");
        rows[0].GetProperty("email").GetString().ShouldBe("ana@northwind.test");
        rows[0].GetProperty("status").GetString().ShouldBe("active");
        rows[1].GetProperty("service_name").GetString().ShouldBe("billing");
        rows[1].GetProperty("status").GetString().ShouldBe("revoked");
        table.StandardOutput.ShouldContain("2 tokens");
    }

    [Fact]
    public async Task stored_hash_is_not_token()
    {
        var output = await RunAsync("tokens", "create", "--user", "ana@northwind.test");
        var token = output.StandardOutput.Trim();

        var view = await LoadAsync(TokenIdIn(output.StandardError));

        view.Hash.ShouldNotBe(token);
        view.Hash.ShouldBe(TokenSecret.Hash(token));
        (await RowsContainingAsync(token)).ShouldBe(0);
        (await RowsContainingAsync(token[TokenSecret.Prefix.Length..])).ShouldBe(0);
    }

    private Task<LedgerProcess.Output> RunAsync(params string[] args) =>
        LedgerProcess.RunAsync(database.ConnectionString, args);

    private static Guid TokenIdIn(string standardError) =>
        Guid.Parse(TokenIdPattern().Match(standardError).Value);

    private async Task<TokenView> LoadAsync(Guid tokenId)
    {
        await using var session = database.Store.QuerySession();
        return await session.LoadAsync<TokenView>(tokenId)
            ?? throw new InvalidOperationException($"No token {tokenId}.");
    }

    private async Task<int> CountTokensAsync()
    {
        await using var session = database.Store.QuerySession();
        return await session.Query<TokenView>().CountAsync();
    }

    private async Task<int> EventCountAsync(Guid tokenId)
    {
        await using var session = database.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(tokenId)).Count;
    }

    /// <summary>Counts the rows of the events and token tables whose JSON contains the text anywhere.</summary>
    private async Task<long> RowsContainingAsync(string text)
    {
        await using var session = database.Store.QuerySession();
        var events = await session.QueryAsync<long>(
            "select count(*) from ledger.mt_events where strpos(data::text, ?) > 0", text);
        var documents = await session.QueryAsync<long>(
            "select count(*) from ledger.mt_doc_tokenview where strpos(data::text, ?) > 0", text);
        return events.Single() + documents.Single();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex TokenIdPattern();
}
