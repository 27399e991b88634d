namespace EnterpriseLedger.Domain.Accounts;

/// <summary>A SAML identity provider for single sign-on to an Enterprise Account.</summary>
/// <param name="Name">A unique, user-friendly name such as <c>acme-sso</c>.</param>
/// <param name="SsoTargetUrl">The provider's sign-in address, an absolute https URL.</param>
/// <param name="EntityId">The provider's SAML entity id.</param>
public sealed record IdentityProvider(Guid Id, string Name, string SsoTargetUrl, string EntityId);
