using System.Net;
using EnterpriseLedger.Domain.Access;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.Http;

/// <summary>
/// Sends every request of the API as every <see cref="MatrixCaller"/> and checks the status against the
/// permission table: the status of success when <see cref="AccessRules.Check"/> allows the action, 403 when it
/// forbids it, 404 when the caller may not see the account or team, and 401 without a token. The database is set
/// up once for the class (<see cref="MatrixAccount"/>), so each write either changes nothing (it sets a value to
/// what it is) or works on a target made for it, which ana removes afterwards.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class AuthorizationMatrixTests(LedgerDatabase database, LedgerApi api, MatrixAccount account)
    : IClassFixture<LedgerApi>, IClassFixture<MatrixAccount>, IAsyncLifetime
{
    private const string AccountPath = "/enterprise-accounts/northwind";
    private const string TeamPath = "/teams/northwind";

    private enum Scope
    {
        /// <summary>Any authenticated caller.</summary>
        AnyCaller,

        /// <summary>Operator tokens only; every other token gets 403.</summary>
        OperatorOnly,

        /// <summary>Decided by the permission table for <see cref="Endpoint.Action"/>.</summary>
        Account,
    }

    private delegate Task<(HttpResponseMessage Response, string Body)> Send(
        AuthorizationMatrixTests test, MatrixCaller caller, string? token);

    private sealed record Endpoint(
        string Name, Scope Scope, AccountAction? Action, HttpStatusCode Success, Send Send);

    private static readonly IReadOnlyList<Endpoint> Endpoints =
    [
        new("GET /enterprise-accounts", Scope.AnyCaller, Action: null, HttpStatusCode.OK,
            (test, _, token) => test.Get("/enterprise-accounts", token)),
        new("GET /enterprise-accounts/{id}", Scope.Account, AccountAction.ViewAccount, HttpStatusCode.OK,
            (test, _, token) => test.Get(AccountPath, token)),
        new("PATCH /enterprise-accounts/{id} name", Scope.Account, AccountAction.RenameAccount, HttpStatusCode.OK,
            (test, _, token) => test.Call(HttpMethod.Patch, AccountPath, token, new { name = Northwind.Account })),
        new("PATCH /enterprise-accounts/{id} identity_provider", Scope.Account,
            AccountAction.ConfigureIdentityProvider, HttpStatusCode.OK,
            (test, _, token) => test.Call(HttpMethod.Patch, AccountPath, token, """{"identity_provider":null}""")),
        new("GET /enterprise-accounts/{id}/members", Scope.Account, AccountAction.ListMembers, HttpStatusCode.OK,
            (test, _, token) => test.Get($"{AccountPath}/members", token)),
        new("POST /enterprise-accounts/{id}/members", Scope.Account, AccountAction.ChangeMembers,
            HttpStatusCode.Created, (test, _, token) => test.AddMemberAsync(token)),
        new("PATCH /enterprise-accounts/{id}/members/{user}", Scope.Account, AccountAction.ChangeMembers,
            HttpStatusCode.OK,
            (test, _, token) => test.Call(
                HttpMethod.Patch, $"{AccountPath}/members/{Northwind.Di.Email}", token, new { permissions = View })),
        new("DELETE /enterprise-accounts/{id}/members/{user}", Scope.Account, AccountAction.ChangeMembers,
            HttpStatusCode.OK, (test, _, token) => test.RemoveMemberAsync(token)),
        new("GET /enterprise-accounts/{id}/teams", Scope.Account, AccountAction.ListTeams, HttpStatusCode.OK,
            (test, _, token) => test.Get($"{AccountPath}/teams", token)),
        new("POST /enterprise-accounts/{id}/teams", Scope.Account, AccountAction.CreateTeam, HttpStatusCode.Created,
            (test, _, token) => test.CreateTeamAsync(token)),
        new("GET /teams/{team}", Scope.Account, AccountAction.ViewTeam, HttpStatusCode.OK,
            (test, _, token) => test.Get(TeamPath, token)),
        new("PATCH /teams/{team}", Scope.Account, AccountAction.RenameTeam, HttpStatusCode.OK,
            (test, _, token) => test.Call(HttpMethod.Patch, TeamPath, token, new { name = Northwind.Team })),
        new("DELETE /teams/{team}", Scope.Account, AccountAction.DeleteTeam, HttpStatusCode.OK,
            (test, caller, token) => test.DeleteTeamAsync(caller, token)),
        new("GET /teams/{team}/members", Scope.Account, AccountAction.ListTeamMembers, HttpStatusCode.OK,
            (test, _, token) => test.Get($"{TeamPath}/members", token)),
        new("PUT /teams/{team}/members", Scope.Account, AccountAction.ChangeTeamMembers, HttpStatusCode.OK,
            (test, _, token) => test.Call(
                HttpMethod.Put, $"{TeamPath}/members", token, new { email = Northwind.Cy.Email, role = "member" })),
        new("DELETE /teams/{team}/members/{email}", Scope.Account, AccountAction.ChangeTeamMembers,
            HttpStatusCode.OK, (test, _, token) => test.RemoveTeamRoleAsync(token)),
        new("POST /migrations", Scope.OperatorOnly, Action: null, HttpStatusCode.OK,
            (test, _, token) => test.MigrateNorthwindAgainAsync(token)),
        new("GET /migrations/{company}", Scope.OperatorOnly, Action: null, HttpStatusCode.OK,
            (test, _, token) => test.Get("/migrations/northwind", token)),
        new("GET /account/banners", Scope.AnyCaller, Action: null, HttpStatusCode.OK,
            (test, _, token) => test.Get("/account/banners", token)),
    ];

    private static readonly string[] View = ["view"];

    private HttpClient Client => api.Client;

    private string Admin => account.AdminToken;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var caller in MatrixCaller.All)
            {
                cases.Add(endpoint.Name, caller.Name);
            }
        }

        return cases;
    }

    public async Task InitializeAsync()
    {
        await api.StartAsync(database);
        await account.SeedOnceAsync(database, api);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task status_follows_permission_table(string endpoint, string caller)
    {
        var target = Endpoints.Single(candidate => candidate.Name == endpoint);
        var sender = MatrixCaller.All.Single(candidate => candidate.Name == caller);
        var expected = ExpectedStatus(target, sender);

        var (response, body) = await target.Send(this, sender, account.TokenOf(sender));

        response.StatusCode.ShouldBe(expected, body);
        if (ProblemId(expected) is { } problemId)
        {
            body.ProblemId().ShouldBe(problemId);
        }
    }

    [Fact]
    public void matrix_expects_every_outcome()
    {
        var expected = Endpoints
            .SelectMany(endpoint => MatrixCaller.All.Select(caller => ExpectedStatus(endpoint, caller)))
            .ToHashSet();

        expected.ShouldBe(
            [
                HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden,
                HttpStatusCode.NotFound,
            ],
            ignoreOrder: true);
    }

    private static HttpStatusCode ExpectedStatus(Endpoint endpoint, MatrixCaller caller)
    {
        if (caller.Kind == MatrixCallerKind.Anonymous)
        {
            return HttpStatusCode.Unauthorized;
        }

        if (endpoint.Scope == Scope.AnyCaller)
        {
            return endpoint.Success;
        }

        if (endpoint.Scope == Scope.OperatorOnly)
        {
            return caller.Kind == MatrixCallerKind.Operator ? endpoint.Success : HttpStatusCode.Forbidden;
        }

        var action = endpoint.Action ?? throw new InvalidOperationException($"{endpoint.Name} names no action.");
        return AccessRules.Check(action, caller.AccountPermissions, caller.HoldsTeamRole) switch
        {
            AccessDecision.Allowed => endpoint.Success,
            AccessDecision.Forbidden => HttpStatusCode.Forbidden,
            _ => HttpStatusCode.NotFound,
        };
    }

    private static string? ProblemId(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        _ => null,
    };

    private Task<(HttpResponseMessage Response, string Body)> Get(string path, string? token) =>
        Client.SendAsync(HttpMethod.Get, path, token);

    private Task<(HttpResponseMessage Response, string Body)> Call(
        HttpMethod method, string path, string? token, object body) =>
        Client.SendAsync(method, path, token, body);

    private async Task<(HttpResponseMessage, string)> AddMemberAsync(string? token)
    {
        var email = $"{Fresh("added")}@northwind.test";
        try
        {
            var member = new { user = email, permissions = View };
            return await Call(HttpMethod.Post, $"{AccountPath}/members", token, member);
        }
        finally
        {
            await Client.SendAsync(HttpMethod.Delete, $"{AccountPath}/members/{email}", Admin);
        }
    }

    private async Task<(HttpResponseMessage, string)> RemoveMemberAsync(string? token)
    {
        var email = $"{Fresh("removed")}@northwind.test";
        await Client.AddMemberAsync(Admin, email, View);
        try
        {
            return await Client.SendAsync(HttpMethod.Delete, $"{AccountPath}/members/{email}", token);
        }
        finally
        {
            await Client.SendAsync(HttpMethod.Delete, $"{AccountPath}/members/{email}", Admin);
        }
    }

    private async Task<(HttpResponseMessage, string)> CreateTeamAsync(string? token)
    {
        var name = Fresh("created");
        var (response, body) = await Call(HttpMethod.Post, $"{AccountPath}/teams", token, new { name });

        // The creator is the new team's only admin, so only the creator can delete it.
        if (response.StatusCode == HttpStatusCode.Created)
        {
            await Client.SendAsync(HttpMethod.Delete, $"/teams/{body.Json().GetProperty("id").GetGuid()}", token);
        }

        return (response, body);
    }

    private async Task<(HttpResponseMessage, string)> DeleteTeamAsync(MatrixCaller caller, string? token)
    {
        var name = Fresh("deleted");
        await Client.CreateTeamAsync(Admin, name);
        if (caller.HoldsTeamRole)
        {
            var role = caller.Kind == MatrixCallerKind.Collaborator ? "collaborator" : "member";
            await Client.AssignRoleAsync(Admin, name, caller.Email, role);
        }

        try
        {
            return await Client.SendAsync(HttpMethod.Delete, $"/teams/{name}", token);
        }
        finally
        {
            await Client.SendAsync(HttpMethod.Delete, $"/teams/{name}", Admin);
        }
    }

    private async Task<(HttpResponseMessage, string)> RemoveTeamRoleAsync(string? token)
    {
        var email = $"{Fresh("role")}@northwind.test";
        await Client.AssignRoleAsync(Admin, Northwind.Team, email, "member");
        try
        {
            return await Client.SendAsync(HttpMethod.Delete, $"{TeamPath}/members/{email}", token);
        }
        finally
        {
            await Client.SendAsync(HttpMethod.Delete, $"{TeamPath}/members/{email}", Admin);
        }
    }

    /// <summary>Posts northwind's migration input again, which leaves the migrated account as it is.</summary>
    private async Task<(HttpResponseMessage, string)> MigrateNorthwindAgainAsync(string? token)
    {
        var company = await File.ReadAllTextAsync(Examples.InputPath("single-team"));
        return await Client.SendAsync(HttpMethod.Post, "/migrations", token, company);
    }

    private static string Fresh(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("n")[..12]}";
}
