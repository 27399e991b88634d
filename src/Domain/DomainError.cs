namespace EnterpriseLedger.Domain;

/// <summary>A rule that rejected a command: a stable code for clients and a sentence for people.</summary>
public sealed record DomainError(string Code, string Message);

/// <summary>What a pure decision returns: the events to append, or the error that rejected the command.</summary>
public sealed record Decision(IReadOnlyList<object> Events, DomainError? Error)
{
    public bool IsRejected => Error is not null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Accept(IEnumerable<object> events) => new(events.ToArray(), null);

    public static Decision Reject(string code, string message) => new([], new DomainError(code, message));
}
