using System.Net;
using System.Text.Json;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// The users of the migrated "single-team" example: the account northwind with one team, also named northwind.
/// Ana and bo have every permission and the team's admin role. Cy has view and the member role, di has view and
/// the viewer role, and ed is only a collaborator on the team, so not a member of the account.
/// Hank, from the "admin-on-every-team" example, has every permission on the other account, globex.
/// </summary>
public static class Northwind
{
    public const string Account = "northwind";
    public const string Team = "northwind";

    public static readonly Guid TeamId = Guid.Parse("06e0846b-8357-5809-85c9-e12784562491");

    public static readonly (Guid Id, string Email) Ana =
        (Guid.Parse("398ee01e-927d-54a9-b44c-1c19727987c2"), "ana@northwind.test");

    public static readonly (Guid Id, string Email) Bo =
        (Guid.Parse("72e30dc0-d968-54dd-96d7-ca2a68e31be6"), "bo@northwind.test");

    public static readonly (Guid Id, string Email) Cy =
        (Guid.Parse("ab6b5819-7ddb-5817-9f5f-bedd314e12ce"), "cy@northwind.test");

    public static readonly (Guid Id, string Email) Di =
        (Guid.Parse("9ac16389-a262-57aa-9440-59188d2cb941"), "di@northwind.test");

    public static readonly (Guid Id, string Email) Ed =
        (Guid.Parse("f027f00a-42f9-5769-87fc-c311d68157fd"), "ed@contractor.test");

    public static readonly (Guid Id, string Email) Hank =
        (Guid.Parse("5288cb85-838f-50d9-9d0e-216ca89d3296"), "hank@globex.test");

    /// <summary>Resets the database and migrates northwind and globex.</summary>
    public static async Task MigrateAsync(LedgerDatabase database)
    {
        await database.ResetAsync();
        await Migrator.MigrateAsync(
            database.Store, Examples.InputPath("single-team"), Examples.InputPath("admin-on-every-team"));
    }

    public static async Task<string> TokenAsync(this LedgerApi api, (Guid Id, string Email) user) =>
        (await api.IssueUserTokenAsync(user.Id, user.Email)).Token;

    /// <summary>Adds a member to northwind as ana would, and returns the member's user id.</summary>
    public static async Task<Guid> AddMemberAsync(
        this HttpClient client, string adminToken, string email, IEnumerable<string> permissions)
    {
        var body = new { user = email, permissions = permissions.ToArray() };
        var (response, json) = await client.SendAsync(
            HttpMethod.Post, $"/enterprise-accounts/{Account}/members", adminToken, body);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, json);
        return json.Json().GetProperty("id").GetGuid();
    }

    /// <summary>Gives a user a role on a team, through <c>PUT /teams/{team}/members</c>.</summary>
    public static async Task AssignRoleAsync(
        this HttpClient client, string adminToken, string team, string email, string role)
    {
        var (response, json) = await client.SendAsync(
            HttpMethod.Put, $"/teams/{team}/members", adminToken, new { email, role });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, json);
    }

    /// <summary>Creates a team in northwind and returns its id.</summary>
    public static async Task<Guid> CreateTeamAsync(this HttpClient client, string token, string name)
    {
        var (response, json) = await client.SendAsync(
            HttpMethod.Post, $"/enterprise-accounts/{Account}/teams", token, new { name });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, json);
        return json.Json().GetProperty("id").GetGuid();
    }

    /// <summary>Returns the names in a JSON array of objects with a <c>name</c>, in the order given.</summary>
    public static List<string> Names(this string json) =>
        json.Json().EnumerateArray().Select(item => item.GetProperty("name").GetString() ?? "").ToList();

    /// <summary>Returns the Problem Details <c>id</c> of an error body, or null when the body has none.</summary>
    public static string? ProblemId(this string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
    }
}
