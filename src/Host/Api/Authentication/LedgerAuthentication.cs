using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnterpriseLedger.Host.Api.Authentication;

/// <summary>Registers bearer-token authentication as the default for the whole HTTP API.</summary>
public static class LedgerAuthentication
{
    /// <summary>
    /// Adds the <see cref="LedgerClaims.Scheme"/> scheme as the default, and a fallback policy that requires an
    /// authenticated caller on every endpoint without its own policy, unless the endpoint allows anonymous access.
    /// </summary>
    public static IServiceCollection AddLedgerAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication(LedgerClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(LedgerClaims.Scheme, "Ledger API token", null);

        var authenticated = new AuthorizationPolicyBuilder(LedgerClaims.Scheme).RequireAuthenticatedUser().Build();
        services.AddAuthorizationBuilder().SetFallbackPolicy(authenticated);
        return services;
    }

    /// <summary>A 403 Problem Details response whose message explains why the caller's token is not enough.</summary>
    public static IResult Forbid(string message) =>
        Results.Forbid(new AuthenticationProperties(
            new Dictionary<string, string?> { [BearerTokenHandler.MessageItem] = message }));
}
