using System.Globalization;
using System.Text;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Projections.Audit;

namespace EnterpriseLedger.AuditBench;

/// <summary>A generated audit entry: the columns of <c>audit_entries</c> that are not part of the chain.</summary>
internal sealed record GeneratedEntry(Guid Id, string Type, string Action, string Actor, string Body);

/// <summary>
/// Generates permission grants and revokes on an account, by its admins, for 2,000 users, from a fixed seed, so
/// that every run seeds entries of the same sizes.
/// </summary>
internal sealed class EntryGenerator
{
    private const int UserCount = 2_000;
    private const string Type = "enterprise_account_member";

    private readonly BenchAccount _account;
    private readonly BenchUser[] _users;
    private readonly List<(string Action, EntryTemplate Template)> _templates;
    private readonly Random _random = new(1);
    private readonly StringBuilder _body = new(1024);
    private readonly string[] _values = new string[EntryTemplate.Slots.Count];

    public EntryGenerator(BenchAccount account)
    {
        _account = account;
        _users = [.. Enumerable.Range(1, UserCount).Select(index => BenchUser.Of(account.Name, $"user-{index}"))];
        _templates = [.. Templates(account)];
    }

    public GeneratedEntry Next(DateTimeOffset createdAt)
    {
        var (action, template) = _templates[_random.Next(_templates.Count)];
        var actor = _account.Admins[_random.Next(_account.Admins.Count)];
        var user = _users[_random.Next(_users.Length)];
        var id = Guid.CreateVersion7(createdAt);

        _values[0] = id.ToString();
        _values[1] = createdAt.UtcDateTime.ToString(AuditEntryBody.TimeFormat, CultureInfo.InvariantCulture);
        _values[2] = actor.Id.ToString();
        _values[3] = actor.Email;
        _values[4] = user.Id.ToString();
        _values[5] = user.Email;
        _values[6] = string.Create(CultureInfo.InvariantCulture,
            $"10.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}");
        _values[7] = Guid.CreateVersion7(createdAt).ToString();

        _body.Clear();
        template.Render(_body, _values);
        return new GeneratedEntry(id, Type, action, actor.Email, _body.ToString());
    }

    /// <summary>
    /// Every grant and revoke of billing, manage or create, from every set of permissions that it can change.
    /// Every member has view, so view is neither granted nor revoked.
    /// </summary>
    private static IEnumerable<(string, EntryTemplate)> Templates(BenchAccount account)
    {
        Permissions[] changeable = [Permissions.Billing, Permissions.Manage, Permissions.Create];
        foreach (var permission in changeable)
        {
            var others = changeable.Where(flag => flag != permission).ToArray();
            foreach (var subset in Subsets(others))
            {
                var without = Permissions.View | subset;
                var with = without | permission;
                yield return ("grant", Template(account, "grant", permission, without, with));
                yield return ("revoke", Template(account, "revoke", permission, with, without));
            }
        }
    }

    private static EntryTemplate Template(
        BenchAccount account, string action, Permissions permission, Permissions before, Permissions after) =>
        EntryTemplate.PermissionChange(
            account, action, PermissionNames.Format(permission), PermissionNames.ToNames(before),
            PermissionNames.ToNames(after));

    private static IEnumerable<Permissions> Subsets(Permissions[] flags) =>
        Enumerable.Range(0, 1 << flags.Length).Select(mask => flags
            .Where((_, index) => (mask & (1 << index)) != 0)
            .Aggregate(Permissions.None, (union, flag) => union | flag));
}
