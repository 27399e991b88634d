using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Api;
using EnterpriseLedger.Host.Api.Authentication;
using EnterpriseLedger.Projections.Tokens;
using Shouldly;

// Not EnterpriseLedger.Tests.Api, because that namespace would hide Acme.Api from the domain tests.
namespace EnterpriseLedger.Tests.Http;

public sealed class TokenPrincipalTests
{
    private static readonly Guid TokenId = Guid.Parse("e1000000-0000-4000-8000-000000000001");
    private static readonly Guid Ana = Guid.Parse("398ee01e-927d-54a9-b44c-1c19727987c2");

    [Fact]
    public void user_token_carries_user_id_and_email()
    {
        var view = new TokenView { Id = TokenId, Kind = TokenKind.User, UserId = Ana, Email = "ana@northwind.test" };

        var principal = TokenPrincipal.Create(view, LedgerClaims.Scheme);

        principal.Identity?.IsAuthenticated.ShouldBe(true);
        principal.Identity?.AuthenticationType.ShouldBe(LedgerClaims.Scheme);
        principal.FindFirst(LedgerClaims.TokenId)?.Value.ShouldBe(TokenId.ToString());
        LedgerClaims.KindOf(principal).ShouldBe(LedgerClaims.UserKind);
        LedgerClaims.UserIdOf(principal).ShouldBe(Ana);
        LedgerClaims.EmailOf(principal).ShouldBe("ana@northwind.test");
        principal.FindAll(LedgerClaims.Scope).ShouldBeEmpty();
    }

    [Fact]
    public void service_token_carries_scopes()
    {
        var view = new TokenView
        {
            Id = TokenId, Kind = TokenKind.Service, ServiceName = "billing", Scopes = ["events:read"],
        };

        var principal = TokenPrincipal.Create(view, LedgerClaims.Scheme);

        LedgerClaims.KindOf(principal).ShouldBe(LedgerClaims.ServiceKind);
        principal.FindFirst(LedgerClaims.ServiceName)?.Value.ShouldBe("billing");
        LedgerClaims.HasScope(principal, TokenScopes.EventsRead).ShouldBeTrue();
        principal.FindAll(LedgerClaims.Scope).Count().ShouldBe(1);
        LedgerClaims.UserIdOf(principal).ShouldBeNull();
        LedgerClaims.EmailOf(principal).ShouldBeNull();
    }

    [Fact]
    public void operator_token_carries_only_id_and_kind()
    {
        var view = new TokenView { Id = TokenId, Kind = TokenKind.Operator };

        var principal = TokenPrincipal.Create(view, LedgerClaims.Scheme);

        principal.Claims.Select(claim => claim.Type).ShouldBe([LedgerClaims.TokenId, LedgerClaims.Kind]);
        LedgerClaims.KindOf(principal).ShouldBe(LedgerClaims.OperatorKind);
    }
}
