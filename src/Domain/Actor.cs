namespace EnterpriseLedger.Domain;

/// <summary>
/// Who caused an event and when: a user's id and email, or a system process such as the migration.
/// Decisions take it as an argument so that they stay free of clocks and ambient state.
/// </summary>
public sealed record Actor(string Id, string? Email, DateTimeOffset At)
{
    public static Actor System(string process, DateTimeOffset at) => new($"system:{process}", null, at);
}
