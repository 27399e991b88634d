namespace EnterpriseLedger.Domain.Accounts;

/// <summary>
/// Pure decisions on an Enterprise Account: each takes the current state and a command and returns the events
/// to append, or the rule that rejects the command. Time and new ids come in through the arguments.
/// </summary>
public static class AccountDecisions
{
    public static Decision AddMember(
        EnterpriseAccount account,
        Guid userId,
        string email,
        Permissions permissions,
        MemberSecurity security,
        Actor actor)
    {
        if (!EmailAddress.IsValid(email))
        {
            return Decision.Reject(AccountErrors.InvalidEmail, $"Invalid email '{email}'.");
        }

        if (account.Members.ContainsKey(userId) || account.FindMember(email) is not null)
        {
            return Decision.Reject(AccountErrors.AlreadyMember, $"{email} is already a member of {account.Name}.");
        }

        var normalized = EmailAddress.Normalize(email);
        var added = new MemberAdded(account.Id, userId, normalized, permissions | Permissions.View, security, actor);
        return Decision.Accept(added);
    }

    /// <summary>Replaces a member's permission set with <paramref name="permissions"/>, which must keep view.</summary>
    public static Decision SetPermissions(EnterpriseAccount account, Guid userId, Permissions permissions, Actor actor)
    {
        if (!account.Members.TryGetValue(userId, out var member))
        {
            return NotMember(account, userId);
        }

        if (!permissions.HasFlag(Permissions.View))
        {
            return ViewRequired(member);
        }

        if (LosesLastManager(account, member, permissions))
        {
            return LastManager(account, member);
        }

        // Each event records the set it started from, so that an audit entry shows the permissions before and after.
        var events = new List<object>();
        var held = member.Permissions;
        foreach (var permission in PermissionNames.Split(permissions & ~member.Permissions))
        {
            events.Add(new PermissionGranted(account.Id, userId, member.Email, permission, held, actor));
            held |= permission;
        }

        foreach (var permission in PermissionNames.Split(member.Permissions & ~permissions))
        {
            events.Add(new PermissionRevoked(account.Id, userId, member.Email, permission, held, actor));
            held &= ~permission;
        }

        return Decision.Accept(events.ToArray());
    }

    public static Decision Grant(EnterpriseAccount account, Guid userId, Permissions permission, Actor actor) =>
        account.Members.TryGetValue(userId, out var member)
            ? SetPermissions(account, userId, member.Permissions | permission, actor)
            : NotMember(account, userId);

    public static Decision Revoke(EnterpriseAccount account, Guid userId, Permissions permission, Actor actor) =>
        account.Members.TryGetValue(userId, out var member)
            ? SetPermissions(account, userId, member.Permissions & ~permission, actor)
            : NotMember(account, userId);

    public static Decision RemoveMember(EnterpriseAccount account, Guid userId, Actor actor)
    {
        if (!account.Members.TryGetValue(userId, out var member))
        {
            return NotMember(account, userId);
        }

        if (LosesLastManager(account, member, Permissions.None))
        {
            return LastManager(account, member);
        }

        return Decision.Accept(new MemberRemoved(account.Id, userId, member.Email, member.Permissions, actor));
    }

    private static bool LosesLastManager(EnterpriseAccount account, AccountMember member, Permissions remaining) =>
        member.Permissions.HasFlag(Permissions.Manage)
        && !remaining.HasFlag(Permissions.Manage)
        && account.ManagerCount == 1;

    private static Decision NotMember(EnterpriseAccount account, Guid userId) =>
        Decision.Reject(AccountErrors.NotMember, $"User {userId} is not a member of {account.Name}.");

    private static Decision ViewRequired(AccountMember member) =>
        Decision.Reject(
            AccountErrors.ViewRequired,
            $"Every member holds view, so it cannot be taken from {member.Email}; remove the member instead.");

    private static Decision LastManager(EnterpriseAccount account, AccountMember member) =>
        Decision.Reject(
            AccountErrors.LastManager,
            $"{member.Email} is the last member of {account.Name} with manage; grant manage to another member first.");
}
