using EnterpriseLedger.Host.History;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Api.Debug;

/// <summary>The log messages of <c>/debug/streams</c>. None carries a token, only its id.</summary>
internal static partial class StreamDebugLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information,
        Message = "Operator token {TokenId} read stream {StreamId} ({Kind}) at {At}")]
    public static partial void Read(ILogger logger, string tokenId, Guid streamId, StreamKind kind, string at);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information,
        Message = "Rejected a read of stream {StreamId} by token {TokenId} of kind {Kind}: not an operator token")]
    public static partial void Forbidden(ILogger logger, string streamId, string tokenId, string kind);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Debug,
        Message = "Rejected a read of stream {StreamId} at {At} with status {Status}: {Reason}")]
    public static partial void Rejected(ILogger logger, string streamId, string at, int status, string reason);
}
