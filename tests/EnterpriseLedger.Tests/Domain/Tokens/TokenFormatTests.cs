using EnterpriseLedger.Domain.Tokens;
using Shouldly;

namespace EnterpriseLedger.Tests.Domain.Tokens;

public sealed class TokenFormatTests
{
    [Fact]
    public void generated_token_has_prefix_and_43_base64url_characters()
    {
        var token = TokenSecret.Generate();

        token.ShouldStartWith("elt_");
        token.Length.ShouldBe(4 + 43);
        token[4..].ShouldAllBe(
            character => char.IsAsciiLetterOrDigit(character) || character == '-' || character == '_');
        TokenSecret.HasTokenShape(token).ShouldBeTrue();
    }

    [Fact]
    public void generated_tokens_differ()
    {
        TokenSecret.Generate().ShouldNotBe(TokenSecret.Generate());
    }

    [Fact]
    public void hash_is_hex_sha256_of_whole_token()
    {
        // SHA-256 of the ASCII string "elt_abc", computed with sha256sum.
        TokenSecret.Hash("elt_abc").ShouldBe("f337974f9ff74ee132e0e6a99676f5b7ee3019d489fff5a9dd64325c6d3e643a");
        TokenSecret.IsHash(TokenSecret.Hash(TokenSecret.Generate())).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("elt_")]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("elt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("elt_AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("elt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("elt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void string_without_token_shape_is_rejected(string candidate)
    {
        TokenSecret.HasTokenShape(candidate).ShouldBeFalse();
    }

    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("1d", 24)]
    [InlineData("12h", 12)]
    [InlineData("365d", 365 * 24)]
    [InlineData("400d", 400 * 24)]
    public void lifetime_parses_days_and_hours(string text, int hours)
    {
        TokenLifetime.Parse(text).ShouldBe(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData("never")]
    [InlineData("0d")]
    [InlineData("30")]
    [InlineData("30m")]
    [InlineData("-1d")]
    [InlineData("1.5d")]
    [InlineData("30D")]
    [InlineData("30d\n")]
    [InlineData("9999999d")]
    [InlineData("")]
    public void lifetime_rejects_other_text(string text)
    {
        TokenLifetime.Parse(text).ShouldBeNull();
    }

    [Fact]
    public void default_lifetime_is_30_days()
    {
        TokenLifetime.Default.ShouldBe(TimeSpan.FromDays(30));
    }
}
