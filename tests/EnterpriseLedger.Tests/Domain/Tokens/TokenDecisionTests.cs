using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Tokens;
using Shouldly;

namespace EnterpriseLedger.Tests.Domain.Tokens;

public sealed class TokenDecisionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Cli = new("cli:ops", null, Now);
    private static readonly Guid TokenId = Guid.Parse("e1000000-0000-4000-8000-000000000001");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-4000-8000-00000000a001");
    private static readonly string Hash = TokenSecret.Hash("elt_example");

    private static Decision Issue(TokenRequest request) => TokenDecisions.Issue(TokenId, Hash, request, Cli);

    private static ApiToken Issued(params object[] later) =>
        Aggregates.Fold<ApiToken>(
            [TokenDecisions.Issue(TokenId, Hash, TokenRequest.ForOperator(Now.AddDays(30)), Cli).Events[0], .. later],
            ApiToken.Evolve)
        ?? throw new InvalidOperationException("The token stream must start with TokenIssued.");

    [Fact]
    public void user_token_is_issued_with_normalized_email()
    {
        var decision = Issue(TokenRequest.ForUser(Ann, "Ann@Acme.test", Now.AddDays(30)));

        var issued = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TokenIssued>();
        issued.TokenId.ShouldBe(TokenId);
        issued.Hash.ShouldBe(Hash);
        issued.Kind.ShouldBe(TokenKind.User);
        issued.UserId.ShouldBe(Ann);
        issued.Email.ShouldBe("ann@acme.test");
        issued.ServiceName.ShouldBeNull();
        issued.Scopes.ShouldBeEmpty();
        issued.ExpiresAt.ShouldBe(Now.AddDays(30));
    }

    [Fact]
    public void operator_token_has_no_holder()
    {
        var issued = Issue(TokenRequest.ForOperator(Now.AddHours(1))).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<TokenIssued>();

        issued.Kind.ShouldBe(TokenKind.Operator);
        issued.UserId.ShouldBeNull();
        issued.Email.ShouldBeNull();
        issued.ServiceName.ShouldBeNull();
        issued.Scopes.ShouldBeEmpty();
        issued.ExpiresAt.ShouldBe(Now.AddHours(1));
        issued.Actor.ShouldBe(Cli);
    }

    [Fact]
    public void service_token_keeps_distinct_scopes()
    {
        var request = TokenRequest.ForService("billing", ["events:read", "events:read"], Now.AddDays(1));

        var issued = Issue(request).Events.ShouldHaveSingleItem().ShouldBeOfType<TokenIssued>();

        issued.Kind.ShouldBe(TokenKind.Service);
        issued.ServiceName.ShouldBe("billing");
        issued.Scopes.ShouldBe(["events:read"]);
    }

    [Fact]
    public void expiry_of_exactly_365_days_is_accepted()
    {
        Issue(TokenRequest.ForOperator(Now.AddDays(365))).IsRejected.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(365 * 24 + 1)]
    public void expiry_outside_limits_is_rejected(int hoursFromNow)
    {
        var decision = Issue(TokenRequest.ForOperator(Now.AddHours(hoursFromNow)));

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidExpiry);
        decision.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("elt_example")]
    [InlineData("")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public void hash_that_is_not_lower_hex_sha256_is_rejected(string hash)
    {
        var decision = TokenDecisions.Issue(TokenId, hash, TokenRequest.ForOperator(Now.AddDays(1)), Cli);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidHash);
    }

    [Fact]
    public void user_token_without_user_id_is_rejected()
    {
        var decision = Issue(TokenRequest.ForUser(Guid.Empty, "ann@acme.test", Now.AddDays(1)));

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidHolder);
    }

    [Fact]
    public void user_token_with_invalid_email_is_rejected()
    {
        var decision = Issue(TokenRequest.ForUser(Ann, "not-an-email", Now.AddDays(1)));

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidHolder);
    }

    [Fact]
    public void user_token_with_scopes_is_rejected()
    {
        var request = TokenRequest.ForUser(Ann, "ann@acme.test", Now.AddDays(1)) with { Scopes = ["events:read"] };

        Issue(request).Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidHolder);
    }

    [Fact]
    public void operator_token_with_user_is_rejected()
    {
        var request = TokenRequest.ForOperator(Now.AddDays(1)) with { UserId = Ann };

        Issue(request).Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidHolder);
    }

    [Fact]
    public void service_token_without_scope_is_rejected()
    {
        var decision = Issue(TokenRequest.ForService("billing", [], Now.AddDays(1)));

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.ScopeRequired);
    }

    [Fact]
    public void service_token_with_unknown_scope_is_rejected()
    {
        var decision = Issue(TokenRequest.ForService("billing", ["events:read", "events:write"], Now.AddDays(1)));

        var error = decision.Error.ShouldNotBeNull();
        error.Code.ShouldBe(TokenErrors.UnknownScope);
        error.Message.ShouldContain("events:write");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Billing")]
    [InlineData("billing service")]
    public void service_token_with_invalid_name_is_rejected(string name)
    {
        var decision = Issue(TokenRequest.ForService(name, ["events:read"], Now.AddDays(1)));

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.InvalidHolder);
    }

    [Fact]
    public void revoking_active_token_records_revocation()
    {
        var decision = TokenDecisions.Revoke(Issued(), TokenId, Cli);

        decision.Events.ShouldBe([new TokenRevoked(TokenId, Cli)]);
    }

    [Fact]
    public void revoking_expired_token_is_accepted()
    {
        var later = Cli with { At = Now.AddDays(60) };

        TokenDecisions.Revoke(Issued(), TokenId, later).IsRejected.ShouldBeFalse();
    }

    [Fact]
    public void revoking_unknown_token_is_rejected()
    {
        var decision = TokenDecisions.Revoke(null, TokenId, Cli);

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.NotFound);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void revoking_twice_is_rejected()
    {
        var token = Issued(new TokenRevoked(TokenId, Cli));

        var decision = TokenDecisions.Revoke(token, TokenId, Cli with { At = Now.AddHours(1) });

        decision.Error.ShouldNotBeNull().Code.ShouldBe(TokenErrors.AlreadyRevoked);
    }

    [Fact]
    public void evolve_records_revocation_time()
    {
        var token = Issued(new TokenRevoked(TokenId, Cli with { At = Now.AddHours(2) }));

        token.RevokedAt.ShouldBe(Now.AddHours(2));
        token.Kind.ShouldBe(TokenKind.Operator);
    }
}
