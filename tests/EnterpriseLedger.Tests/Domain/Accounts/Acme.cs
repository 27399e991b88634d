using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;

namespace EnterpriseLedger.Tests.Domain.Accounts;

/// <summary>The account "acme" and its users, with factories for the events of its stream.</summary>
internal static class Acme
{
    public static readonly Guid AccountId = Guid.Parse("a0000000-0000-4000-8000-000000000001");
    public static readonly Guid CompanyId = Guid.Parse("c0000000-0000-4000-8000-000000000001");

    public static readonly Guid Ann = Guid.Parse("00000000-0000-4000-8000-00000000a001");
    public static readonly Guid Bob = Guid.Parse("00000000-0000-4000-8000-00000000b001");
    public static readonly Guid Cyd = Guid.Parse("00000000-0000-4000-8000-00000000c001");

    public static readonly Guid Web = Guid.Parse("70000000-0000-4000-8000-000000000001");
    public static readonly Guid Api = Guid.Parse("70000000-0000-4000-8000-000000000002");

    public static readonly Actor Operator =
        new("user:ops", "ops@acme.test", new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public static AccountCreated Created() => new(AccountId, "acme", CompanyId, Operator);

    public static MemberAdded Member(Guid userId, string email, Permissions permissions) =>
        new(AccountId, userId, email, permissions, MemberSecurity.Unknown, Operator);

    public static TeamCreated Team(Guid teamId, string name) => new(AccountId, teamId, name, Operator);

    /// <summary>A grant to a member who held <paramref name="before"/>, view alone unless given.</summary>
    public static PermissionGranted Granted(Guid userId, Permissions permission, Permissions before = Permissions.View) =>
        new(AccountId, userId, Email(userId), permission, before, Operator);

    public static PermissionRevoked Revoked(Guid userId, Permissions permission, Permissions before) =>
        new(AccountId, userId, Email(userId), permission, before, Operator);

    public static MemberRemoved Removed(Guid userId, Permissions held) =>
        new(AccountId, userId, Email(userId), held, Operator);

    public static string Email(Guid userId)
    {
        if (userId == Ann)
        {
            return "ann@acme.test";
        }

        if (userId == Bob)
        {
            return "bob@acme.test";
        }

        return userId == Cyd ? "cyd@acme.test" : "";
    }
}
