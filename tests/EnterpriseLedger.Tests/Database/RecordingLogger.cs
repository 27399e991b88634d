using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Tests.Database;

/// <summary>
/// Logger that keeps the event id and level of every message, so tests can check what was logged.
/// </summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level)> _entries = new();

    public IReadOnlyList<(int EventId, LogLevel Level)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((eventId.Id, logLevel));
}
