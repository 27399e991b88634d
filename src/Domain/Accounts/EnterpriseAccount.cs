using System.Collections.Immutable;

namespace EnterpriseLedger.Domain.Accounts;

/// <summary>
/// An Enterprise Account: its members with their permissions and the teams under it.
/// State changes only by applying events; each decision is a pure function of state and command.
/// </summary>
public sealed record EnterpriseAccount(
    Guid Id,
    string Name,
    Guid CompanyId,
    ImmutableDictionary<Guid, AccountMember> Members,
    ImmutableDictionary<Guid, string> Teams,
    IdentityProvider? IdentityProvider = null)
{
    /// <summary>
    /// Folds one event into the state; the first event of a stream must be <see cref="AccountCreated"/>.
    /// </summary>
    public static EnterpriseAccount? Evolve(EnterpriseAccount? state, object @event) => (state, @event) switch
    {
        (null, AccountCreated created) => Create(created),
        (null, _) => null,
        (_, AccountRenamed renamed) => state with { Name = renamed.NewName },
        (_, IdentityProviderConfigured configured) => state with { IdentityProvider = configured.Provider },
        (_, IdentityProviderRemoved) => state with { IdentityProvider = null },
        (_, MemberAdded added) => state.Apply(added),
        (_, PermissionGranted granted) => state.Apply(granted),
        (_, PermissionRevoked revoked) => state.Apply(revoked),
        (_, MemberRemoved removed) => state.Apply(removed),
        (_, TeamAttached attached) => state.Apply(attached),
        (_, TeamCreated created) => state.Apply(created),
        (_, TeamRenamed renamed) => state.Apply(renamed),
        (_, TeamDeleted deleted) => state.Apply(deleted),
        _ => state,
    };

    public static EnterpriseAccount Create(AccountCreated created) =>
        new(created.AccountId, created.Name, created.CompanyId, [], []);

    public EnterpriseAccount Apply(MemberAdded added)
    {
        var member = new AccountMember(added.UserId, added.Email, added.Permissions);
        return this with { Members = Members.SetItem(added.UserId, member) };
    }

    public EnterpriseAccount Apply(PermissionGranted granted) =>
        WithPermissions(granted.UserId, current => current | granted.Permission);

    public EnterpriseAccount Apply(PermissionRevoked revoked) =>
        WithPermissions(revoked.UserId, current => current & ~revoked.Permission);

    public EnterpriseAccount Apply(MemberRemoved removed) => this with { Members = Members.Remove(removed.UserId) };

    public EnterpriseAccount Apply(TeamAttached attached) =>
        this with { Teams = Teams.SetItem(attached.TeamId, attached.Name) };

    public EnterpriseAccount Apply(TeamCreated created) =>
        this with { Teams = Teams.SetItem(created.TeamId, created.Name) };

    public EnterpriseAccount Apply(TeamRenamed renamed) =>
        this with { Teams = Teams.SetItem(renamed.TeamId, renamed.NewName) };

    public EnterpriseAccount Apply(TeamDeleted deleted) => this with { Teams = Teams.Remove(deleted.TeamId) };

    public AccountMember? FindMember(string email) =>
        Members.Values.FirstOrDefault(member => EmailAddress.AreSame(member.Email, email));

    public int ManagerCount => Members.Values.Count(member => member.Permissions.HasFlag(Permissions.Manage));

    private EnterpriseAccount WithPermissions(Guid userId, Func<Permissions, Permissions> change) =>
        Members.TryGetValue(userId, out var member)
            ? this with { Members = Members.SetItem(userId, member with { Permissions = change(member.Permissions) }) }
            : this;
}

public sealed record AccountMember(Guid UserId, string Email, Permissions Permissions);
