using System.Text.Encodings.Web;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Projections.Tokens;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace EnterpriseLedger.Host.Api.Authentication;

/// <summary>
/// Authenticates a request by its <c>Authorization: Bearer TOKEN</c> header: the token's SHA-256 must match a
/// stored token that is neither expired nor revoked. Challenges (401) and forbids (403) return Problem Details.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IQuerySession session,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string InvalidTokenMessage = "Missing or invalid bearer token.";
    public const string ExpiredMessage = "The token has expired.";
    public const string RevokedMessage = "The token has been revoked.";
    public const string ForbiddenMessage = "The token does not allow this request.";

    /// <summary>The <see cref="AuthenticationProperties"/> item with the message of a 403 response.</summary>
    public const string MessageItem = "ledger:message";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A request without a bearer token gets no result rather than a failure, so anonymous endpoints still run.
        if (ReadBearerToken(Request.Headers.Authorization) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (!TokenSecret.HasTokenShape(token))
        {
            AuthenticationLog.MalformedToken(Logger);
            return AuthenticateResult.Fail(InvalidTokenMessage);
        }

        var hash = TokenSecret.Hash(token);
        var view = await session.Query<TokenView>()
            .FirstOrDefaultAsync(candidate => candidate.Hash == hash, Context.RequestAborted);
        return Validate(view);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceAsync();

        // RFC 6750: a request without a token gets the bare scheme; a rejected token also gets the error code.
        Response.Headers.WWWAuthenticate = result.Failure is { } failure
            ? $"Bearer error=\"invalid_token\", error_description=\"{failure.Message}\""
            : "Bearer";
        var message = result.Failure?.Message ?? InvalidTokenMessage;
        await ApiProblem.Create(StatusCodes.Status401Unauthorized, "unauthorized", message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var message = properties.Items.TryGetValue(MessageItem, out var item) && item is not null
            ? item
            : ForbiddenMessage;
        return ApiProblem.Forbidden(message).ExecuteAsync(Context);
    }

    private AuthenticateResult Validate(TokenView? view)
    {
        if (view is null)
        {
            AuthenticationLog.UnknownToken(Logger);
            return AuthenticateResult.Fail(InvalidTokenMessage);
        }

        if (view.RevokedAt is { } revokedAt)
        {
            AuthenticationLog.RevokedToken(Logger, view.Id, revokedAt);
            return AuthenticateResult.Fail(RevokedMessage);
        }

        if (view.ExpiresAt <= clock.GetUtcNow())
        {
            AuthenticationLog.ExpiredToken(Logger, view.Id, view.ExpiresAt);
            return AuthenticateResult.Fail(ExpiredMessage);
        }

        AuthenticationLog.Authenticated(Logger, view.Id, view.Kind);
        var principal = TokenPrincipal.Create(view, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>Returns the token of a single <c>Bearer</c> header, or null when there is none.</summary>
    private static string? ReadBearerToken(StringValues headers)
    {
        const string Prefix = "Bearer ";
        if (headers.Count != 1 || headers[0] is not { } header)
        {
            return null;
        }

        // The scheme name is case-insensitive (RFC 9110, section 11.1).
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }
}
