using EnterpriseLedger.Domain.Tokens;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Api.Authentication;

/// <summary>The bearer-token handler's log messages. None carries a token or its hash.</summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "Rejected a bearer token that does not have the shape of a ledger token")]
    public static partial void MalformedToken(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Rejected a bearer token that matches no token")]
    public static partial void UnknownToken(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug,
        Message = "Rejected token {TokenId}: it expired at {ExpiresAt}")]
    public static partial void ExpiredToken(ILogger logger, Guid tokenId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug,
        Message = "Rejected token {TokenId}: it was revoked at {RevokedAt}")]
    public static partial void RevokedToken(ILogger logger, Guid tokenId, DateTimeOffset revokedAt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Trace, Message = "Authenticated token {TokenId} of kind {Kind}")]
    public static partial void Authenticated(ILogger logger, Guid tokenId, TokenKind kind);
}
