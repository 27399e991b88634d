using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using Marten.Events.Aggregation;

namespace EnterpriseLedger.Projections.Accounts;

/// <summary>An Enterprise Account's Access view: its members, their permissions and their sign-in safeguards.</summary>
public sealed class AccessView
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid CompanyId { get; set; }

    public List<AccessMember> Members { get; set; } = [];

    public List<AccountTeam> Teams { get; set; } = [];

    public IdentityProvider? IdentityProvider { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public AccessMember? FindMember(Guid userId) => Members.Find(member => member.UserId == userId);
}

public sealed class AccessMember
{
    public Guid UserId { get; set; }

    public string Email { get; set; } = "";

    public Permissions Permissions { get; set; }

    public MemberSecurity Security { get; set; } = MemberSecurity.Unknown;

    public DateTimeOffset AddedAt { get; set; }
}

public sealed record AccountTeam(Guid Id, string Name);

/// <summary>Builds <see cref="AccessView"/> from an account's stream.</summary>
public sealed partial class AccessViewProjection : SingleStreamProjection<AccessView, Guid>
{
    public AccessView Create(AccountCreated created) => new()
    {
        Id = created.AccountId,
        Name = created.Name,
        CompanyId = created.CompanyId,
        CreatedAt = created.Actor.At,
        UpdatedAt = created.Actor.At,
    };

    public void Apply(AccountRenamed renamed, AccessView view)
    {
        view.Name = renamed.NewName;
        view.UpdatedAt = renamed.Actor.At;
    }

    public void Apply(IdentityProviderConfigured configured, AccessView view)
    {
        view.IdentityProvider = configured.Provider;
        view.UpdatedAt = configured.Actor.At;
    }

    public void Apply(IdentityProviderRemoved removed, AccessView view)
    {
        view.IdentityProvider = null;
        view.UpdatedAt = removed.Actor.At;
    }

    public void Apply(MemberAdded added, AccessView view)
    {
        view.Members.RemoveAll(member => member.UserId == added.UserId);
        view.Members.Add(new AccessMember
        {
            UserId = added.UserId,
            Email = added.Email,
            Permissions = added.Permissions,
            Security = added.Security,
            AddedAt = added.Actor.At,
        });
        view.Members.Sort((left, right) => string.CompareOrdinal(left.Email, right.Email));
    }

    public void Apply(PermissionGranted granted, AccessView view)
    {
        if (view.FindMember(granted.UserId) is { } member)
        {
            member.Permissions |= granted.Permission;
        }
    }

    public void Apply(PermissionRevoked revoked, AccessView view)
    {
        if (view.FindMember(revoked.UserId) is { } member)
        {
            member.Permissions &= ~revoked.Permission;
        }
    }

    public void Apply(MemberRemoved removed, AccessView view) =>
        view.Members.RemoveAll(member => member.UserId == removed.UserId);

    public void Apply(TeamAttached attached, AccessView view) =>
        view.Teams.Add(new AccountTeam(attached.TeamId, attached.Name));

    public void Apply(TeamCreated created, AccessView view) =>
        view.Teams.Add(new AccountTeam(created.TeamId, created.Name));

    public void Apply(TeamRenamed renamed, AccessView view)
    {
        var index = view.Teams.FindIndex(team => team.Id == renamed.TeamId);
        if (index >= 0)
        {
            view.Teams[index] = new AccountTeam(renamed.TeamId, renamed.NewName);
        }
    }

    public void Apply(TeamDeleted deleted, AccessView view) => view.Teams.RemoveAll(team => team.Id == deleted.TeamId);
}
