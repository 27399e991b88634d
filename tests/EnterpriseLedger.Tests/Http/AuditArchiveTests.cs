using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Projections.Audit;
using EnterpriseLedger.Tests.Support;
using Npgsql;
using Shouldly;
using LedgerStore = EnterpriseLedger.Host.Hosting.LedgerStore;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// The audit archives of northwind, built from the events by the audit projection: listing, downloading,
/// verifying with the served public key, and the permission table (manage only).
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class AuditArchiveTests(LedgerDatabase database, LedgerApi api) : IClassFixture<LedgerApi>, IAsyncLifetime
{
    private static readonly string CurrentMonth = AuditPeriod.Of(DateTimeOffset.UtcNow).ToString();

    private string _ana = "";
    private string _cy = "";

    private HttpClient Client => api.Client;

    private static string ArchivePath =>
        $"/enterprise-accounts/{Northwind.Account}/archives/{CurrentMonth.Replace('-', '/')}";

    public async Task InitializeAsync()
    {
        await Northwind.MigrateAsync(database);
        await api.StartAsync(database);
        _ana = await api.TokenAsync(Northwind.Ana);
        _cy = await api.TokenAsync(Northwind.Cy);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task list_matches_archive_schema()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Get, $"/enterprise-accounts/{Northwind.Account}/archives", _ana);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldMatchSchema("archive");
        var archive = body.Json()[0];
        $"{archive.GetProperty("year").GetInt32()}-{archive.GetProperty("month").GetString()}".ShouldBe(CurrentMonth);
        archive.GetProperty("checksum").GetString().ShouldNotBeNull().ShouldMatch("^[0-9a-f]{64}$");
        archive.GetProperty("size").GetInt64().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("cy", HttpStatusCode.Forbidden)]
    [InlineData("ed", HttpStatusCode.NotFound)]
    [InlineData("hank", HttpStatusCode.NotFound)]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    public async Task only_manage_lists_or_downloads(string caller, HttpStatusCode expected)
    {
        var token = caller switch
        {
            "cy" => _cy,
            "ed" => await api.TokenAsync(Northwind.Ed),
            "hank" => await api.TokenAsync(Northwind.Hank),
            _ => null,
        };

        var (list, _) = await Client.SendAsync(HttpMethod.Get, $"/enterprise-accounts/{Northwind.Account}/archives", token);
        var (one, _) = await Client.SendAsync(HttpMethod.Get, ArchivePath, token);
        var (download, _) = await Client.SendAsync(HttpMethod.Get, $"{ArchivePath}/download", token);

        list.StatusCode.ShouldBe(expected);
        one.StatusCode.ShouldBe(expected);
        download.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task download_matches_listed_checksum()
    {
        var (_, listed) = await Client.SendAsync(HttpMethod.Get, ArchivePath, _ana);

        var bytes = await DownloadAsync();

        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(listed.Json().GetProperty("checksum").GetString());
        bytes.LongLength.ShouldBe(listed.Json().GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task download_verifies_with_served_key()
    {
        await ChangeCyToBillingAsync();

        var bytes = await DownloadAsync();
        using var key = await PublicKeyAsync();
        using var archive = new MemoryStream(bytes);
        var result = await AuditVerifier.VerifyAsync(archive, key, null, CancellationToken.None);

        result.Problems.ShouldBeEmpty();
        result.Digest.ShouldNotBeNull().Period.ToString().ShouldBe(CurrentMonth);
    }

    [Fact]
    public async Task permission_change_shows_before_and_after()
    {
        await ChangeCyToBillingAsync();

        var entries = Entries(await DownloadAsync());

        var grant = entries.Single(entry => entry.GetProperty("action").GetString() == "grant");
        grant.GetProperty("type").GetString().ShouldBe("enterprise_account_member");
        grant.GetProperty("actor").GetProperty("email").GetString().ShouldBe(Northwind.Ana.Email);
        grant.GetProperty("request").GetProperty("ip_address").GetString().ShouldBe("127.0.0.1");
        grant.GetProperty("enterprise_account").GetProperty("name").GetString().ShouldBe(Northwind.Account);
        var data = grant.GetProperty("data");
        data.GetProperty("user").GetProperty("email").GetString().ShouldBe(Northwind.Cy.Email);
        Names(data.GetProperty("permissions_before")).ShouldBe(["view"]);
        Names(data.GetProperty("permissions_after")).ShouldBe(["view", "billing"]);
        grant.GetRawText().ShouldMatchSchema("audit-trail-event");
    }

    [Fact]
    public async Task download_is_an_entry()
    {
        var first = Entries(await DownloadAsync());

        var second = Entries(await DownloadAsync());

        second.Count.ShouldBe(first.Count + 1);
        var download = second[^1];
        download.GetProperty("type").GetString().ShouldBe("audit_log");
        download.GetProperty("action").GetString().ShouldBe("download");
        download.GetProperty("actor").GetProperty("email").GetString().ShouldBe(Northwind.Ana.Email);
        download.GetProperty("data").GetProperty("entries").GetInt64().ShouldBe(first.Count);
    }

    [Fact]
    public async Task stored_chain_hashes_bodies()
    {
        await ChangeCyToBillingAsync();

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select account_id, position, body, previous_hash, hash from {LedgerStore.SchemaName}.{AuditTables.Entries} "
            + "order by account_id, position", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var (account, expectedPosition, previous) = (Guid.Empty, 0L, AuditChain.Genesis);
        var rows = 0;
        while (await reader.ReadAsync())
        {
            if (reader.GetGuid(0) != account)
            {
                (account, expectedPosition, previous) = (reader.GetGuid(0), 1, AuditChain.Genesis);
            }

            reader.GetInt64(1).ShouldBe(expectedPosition);
            reader.GetFieldValue<byte[]>(3).ShouldBe(previous);
            var hash = AuditChain.Next(previous, Encoding.UTF8.GetBytes(reader.GetString(2)));
            reader.GetFieldValue<byte[]>(4).ShouldBe(hash);
            (expectedPosition, previous) = (expectedPosition + 1, hash);
            rows++;
        }

        rows.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task concurrent_writes_keep_one_chain()
    {
        var writes = Enumerable.Range(0, 12).Select(index => index % 2 == 0
            ? Client.SendAsync(HttpMethod.Patch, $"/enterprise-accounts/{Northwind.Account}/members/{Northwind.Di.Id}",
                _ana, new { permissions = index % 4 == 0 ? new[] { "view", "billing" } : ["view"] })
            : Client.SendAsync(HttpMethod.Put, $"/teams/{Northwind.Team}/members", _ana,
                new { email = Northwind.Cy.Email, role = index % 4 == 1 ? "viewer" : "member" }));

        var answers = await Task.WhenAll(writes);

        answers.ShouldAllBe(answer => (int)answer.Response.StatusCode < 300 || answer.Response.StatusCode == HttpStatusCode.Conflict);
        using var key = await PublicKeyAsync();
        using var archive = new MemoryStream(await DownloadAsync());
        var result = await AuditVerifier.VerifyAsync(archive, key, null, CancellationToken.None);
        result.Problems.ShouldBeEmpty();
    }

    private async Task ChangeCyToBillingAsync()
    {
        var (response, body) = await Client.SendAsync(
            HttpMethod.Patch, $"/enterprise-accounts/{Northwind.Account}/members/{Northwind.Cy.Id}", _ana,
            new { permissions = new[] { "view", "billing" } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
    }

    private async Task<byte[]> DownloadAsync()
    {
        using var request = ApiCalls.Request(HttpMethod.Get, $"{ArchivePath}/download", _ana);
        using var response = await Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/gzip");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<ECDsa> PublicKeyAsync()
    {
        var pem = await Client.GetStringAsync("/audit/public-key");
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    private static List<JsonElement> Entries(byte[] gzipped)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(entry => entry.Clone()).ToList();
    }

    private static List<string?> Names(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()).ToList();
}
