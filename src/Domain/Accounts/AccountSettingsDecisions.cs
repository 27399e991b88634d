namespace EnterpriseLedger.Domain.Accounts;

/// <summary>Pure decisions on an Enterprise Account's own settings: its name and its identity provider.</summary>
public static class AccountSettingsDecisions
{
    public static Decision Rename(EnterpriseAccount account, string newName, Actor actor)
    {
        if (!TeamNames.IsValid(newName))
        {
            return Decision.Reject(AccountErrors.InvalidName, $"Invalid account name '{newName}': {TeamNames.Rule}.");
        }

        return newName == account.Name
            ? Decision.Accept()
            : Decision.Accept(new AccountRenamed(account.Id, account.Name, newName, actor));
    }

    /// <summary>Sets the identity provider, or removes it when <paramref name="provider"/> is null.</summary>
    public static Decision SetIdentityProvider(EnterpriseAccount account, IdentityProvider? provider, Actor actor)
    {
        if (provider is null)
        {
            return account.IdentityProvider is null
                ? Decision.Accept()
                : Decision.Accept(new IdentityProviderRemoved(account.Id, actor));
        }

        if (!TeamNames.IsValid(provider.Name))
        {
            return Decision.Reject(
                AccountErrors.InvalidName, $"Invalid identity provider name '{provider.Name}': {TeamNames.Rule}.");
        }

        if (!Uri.TryCreate(provider.SsoTargetUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            return Decision.Reject(
                AccountErrors.InvalidIdentityProvider,
                $"Invalid sso_target_url '{provider.SsoTargetUrl}': use an https URL.");
        }

        if (string.IsNullOrWhiteSpace(provider.EntityId))
        {
            return Decision.Reject(
                AccountErrors.InvalidIdentityProvider, "Missing entity_id of the identity provider.");
        }

        var unchanged = account.IdentityProvider is { } current && current with { Id = provider.Id } == provider;
        return unchanged
            ? Decision.Accept()
            : Decision.Accept(new IdentityProviderConfigured(account.Id, provider, actor));
    }
}
