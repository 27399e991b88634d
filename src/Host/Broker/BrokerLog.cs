using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Broker;

/// <summary>Log messages of the broker relay. None carries the broker URI, which may hold a password.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Relay to exchange {Exchange} holds the relay lock and starts after sequence {Checkpoint}")]
    public static partial void TookOver(ILogger logger, string exchange, long checkpoint);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning,
        Message = "Relay to exchange {Exchange} deleted {Leftover} unsent outbox rows of the previous relay and "
            + "sends that window again from sequence {Checkpoint}")]
    public static partial void Rewound(ILogger logger, string exchange, long leftover, long checkpoint);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug,
        Message = "Relay sent {Count} events to exchange {Exchange}, up to sequence {Checkpoint}")]
    public static partial void Sent(ILogger logger, int count, string exchange, long checkpoint);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
        Message = "Relay to exchange {Exchange} failed; it releases its lock and tries again from its checkpoint")]
    public static partial void RelayFailed(ILogger logger, string exchange, Exception error);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Relay to exchange {Exchange} stopped")]
    public static partial void Stopped(ILogger logger, string exchange);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning,
        Message = "Relay to exchange {Exchange} found {Pending} outbox rows unsent after {Seconds} s with the broker "
            + "reachable; it deletes them and sends that window again")]
    public static partial void Stuck(ILogger logger, string exchange, long pending, double seconds);
}
