using System.Text.Json.Serialization;

namespace EnterpriseLedger.Domain.Accounts;

/// <summary>An event on an Enterprise Account's stream, whose stream id is the account id.</summary>
public interface IAccountEvent
{
    Guid AccountId { get; }

    Actor Actor { get; }
}

public sealed record AccountCreated(Guid AccountId, string Name, Guid CompanyId, Actor Actor) : IAccountEvent;

public sealed record AccountRenamed(Guid AccountId, string OldName, string NewName, Actor Actor) : IAccountEvent;

/// <summary>The account's members sign in through this identity provider (single sign-on).</summary>
public sealed record IdentityProviderConfigured(Guid AccountId, IdentityProvider Provider, Actor Actor) : IAccountEvent;

public sealed record IdentityProviderRemoved(Guid AccountId, Actor Actor) : IAccountEvent;

public sealed record MemberAdded(
    Guid AccountId,
    Guid UserId,
    string Email,
    Permissions Permissions,
    MemberSecurity Security,
    Actor Actor) : IAccountEvent;

/// <summary>One permission given to a member who held <paramref name="Before"/>.</summary>
public sealed record PermissionGranted(
    Guid AccountId, Guid UserId, string Email, Permissions Permission, Permissions Before, Actor Actor)
    : IAccountEvent
{
    [JsonIgnore]
    public Permissions After => Before | Permission;
}

/// <summary>One permission taken from a member who held <paramref name="Before"/>.</summary>
public sealed record PermissionRevoked(
    Guid AccountId, Guid UserId, string Email, Permissions Permission, Permissions Before, Actor Actor)
    : IAccountEvent
{
    [JsonIgnore]
    public Permissions After => Before & ~Permission;
}

/// <summary>A member left the account; <paramref name="Permissions"/> are the ones they held until then.</summary>
public sealed record MemberRemoved(Guid AccountId, Guid UserId, string Email, Permissions Permissions, Actor Actor)
    : IAccountEvent;

/// <summary>An Enterprise Team that existed before the account and was placed under it.</summary>
public sealed record TeamAttached(
    Guid AccountId,
    Guid TeamId,
    string Name,
    DateTimeOffset CreatedAt,
    bool ProvisionedLicenses,
    Actor Actor) : IAccountEvent;

public sealed record TeamCreated(Guid AccountId, Guid TeamId, string Name, Actor Actor) : IAccountEvent;

public sealed record TeamRenamed(Guid AccountId, Guid TeamId, string OldName, string NewName, Actor Actor)
    : IAccountEvent;

public sealed record TeamDeleted(Guid AccountId, Guid TeamId, string Name, Actor Actor) : IAccountEvent;

/// <summary>
/// A member's sign-in safeguards as the teams reported them: two-factor authentication, and single sign-on
/// through an identity provider (federated).
/// </summary>
public sealed record MemberSecurity(bool TwoFactorAuthentication, bool Federated, string? IdentityProvider)
{
    public static MemberSecurity Unknown { get; } = new(false, false, null);
}
