namespace EnterpriseLedger.AuditBench;

/// <summary>
/// The times of generated entries: one second apart after the chain's last entry, or closer together when the
/// rest of its month is shorter than that, so that every entry falls in the month of the real ones. Times are
/// whole seconds, as the ledger stores them, and never go back.
/// </summary>
internal sealed class EntryTimes
{
    private readonly DateTimeOffset _start;
    private readonly double _secondsApart;

    public EntryTimes(DateTimeOffset start, int count)
    {
        _start = start;
        var utc = start.UtcDateTime;
        var nextMonth = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

        // One second of margin, so that the last entry is not at midnight of the next month.
        var secondsLeft = (nextMonth - start).TotalSeconds - 1;
        _secondsApart = Math.Clamp(secondsLeft / count, 0, 1);
    }

    /// <summary>Returns the time of the entry at <paramref name="index"/>, 1 for the first generated one.</summary>
    public DateTimeOffset At(int index) => _start.AddSeconds(Math.Floor(index * _secondsApart));
}
