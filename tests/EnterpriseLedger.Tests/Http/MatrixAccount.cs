using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Tests.Support;

namespace EnterpriseLedger.Tests.Http;

public enum MatrixCallerKind
{
    Member,
    NonMember,
    Collaborator,
    Operator,
    Anonymous,
}

/// <summary>
/// One caller of the authorization matrix. <paramref name="AccountPermissions"/> is null for a caller who is not a
/// member of northwind. <paramref name="HoldsTeamRole"/> is true when the caller has a role on the northwind team
/// and gets one on each team that the matrix creates for the caller to delete.
/// </summary>
public sealed record MatrixCaller(
    string Name, MatrixCallerKind Kind, string Email, Permissions? AccountPermissions, bool HoldsTeamRole)
{
    /// <summary>
    /// Every member has view, because the account rejects a member without it. So the members cover the 8 subsets
    /// of billing, manage and create, each with a role on the team, plus the smallest and the largest set without
    /// one. A caller without view is a non-member.
    /// </summary>
    public static IReadOnlyList<MatrixCaller> All { get; } =
    [
        .. Enumerable.Range(0, 8).Select(bits => Member(OptionalPermissions(bits), holdsTeamRole: true)),
        Member(Permissions.View, holdsTeamRole: false),
        Member(Permissions.All, holdsTeamRole: false),
        new("non-member", MatrixCallerKind.NonMember, Northwind.Hank.Email, null, HoldsTeamRole: false),
        new("collaborator", MatrixCallerKind.Collaborator, Northwind.Ed.Email, null, HoldsTeamRole: true),
        new("operator", MatrixCallerKind.Operator, "", null, HoldsTeamRole: false),
        new("no-token", MatrixCallerKind.Anonymous, "", null, HoldsTeamRole: false),
    ];

    public override string ToString() => Name;

    /// <summary>Describes a member such as <c>view+manage</c>, whose email is view-manage@northwind.test.</summary>
    private static MatrixCaller Member(Permissions permissions, bool holdsTeamRole)
    {
        var names = PermissionNames.ToNames(permissions);
        var name = string.Join('+', names) + (holdsTeamRole ? "" : " without team role");
        var email = string.Join('-', names) + (holdsTeamRole ? "" : "-norole") + "@northwind.test";
        return new(name, MatrixCallerKind.Member, email, permissions, holdsTeamRole);
    }

    // Billing, manage and create are the flags 2, 4 and 8, so shifting the 3 bits of 0..7 left by one gives each
    // subset of them.
    private static Permissions OptionalPermissions(int bits) => Permissions.View | (Permissions)(bits << 1);
}

/// <summary>
/// The northwind account with one member per <see cref="MatrixCaller"/>, set up once per test class: the
/// database is reset, northwind and globex are migrated, and ana adds the members and their team roles through
/// the API.
/// </summary>
public sealed class MatrixAccount
{
    private readonly Lock _seedLock = new();
    private readonly Dictionary<string, string> _tokens = [];
    private Task? _seeded;

    /// <summary>Ana's token: every permission and the admin role on the northwind team.</summary>
    public string AdminToken { get; private set; } = "";

    public Task SeedOnceAsync(LedgerDatabase database, LedgerApi api)
    {
        lock (_seedLock)
        {
            _seeded ??= SeedAsync(database, api);
        }

        return _seeded;
    }

    /// <summary>Returns the caller's bearer token, or null for the caller without one.</summary>
    public string? TokenOf(MatrixCaller caller) =>
        caller.Kind == MatrixCallerKind.Anonymous ? null : _tokens[caller.Name];

    private async Task SeedAsync(LedgerDatabase database, LedgerApi api)
    {
        await Northwind.MigrateAsync(database);
        AdminToken = await api.TokenAsync(Northwind.Ana);
        foreach (var caller in MatrixCaller.All)
        {
            _tokens[caller.Name] = caller.Kind switch
            {
                MatrixCallerKind.Member => await AddMemberAsync(api, caller),
                MatrixCallerKind.NonMember => await api.TokenAsync(Northwind.Hank),
                MatrixCallerKind.Collaborator => await api.TokenAsync(Northwind.Ed),
                MatrixCallerKind.Operator => await OperatorTokenAsync(api),
                _ => "",
            };
        }
    }

    private async Task<string> AddMemberAsync(LedgerApi api, MatrixCaller caller)
    {
        var permissions = PermissionNames.ToNames(caller.AccountPermissions ?? Permissions.View);
        var userId = await api.Client.AddMemberAsync(AdminToken, caller.Email, permissions);
        if (caller.HoldsTeamRole)
        {
            await api.Client.AssignRoleAsync(AdminToken, Northwind.Team, caller.Email, "member");
        }

        return (await api.IssueUserTokenAsync(userId, caller.Email)).Token;
    }

    private static async Task<string> OperatorTokenAsync(LedgerApi api) =>
        (await api.IssueAsync(TokenRequest.ForOperator(DateTimeOffset.UtcNow.AddHours(1)))).Token;
}
