using System.Diagnostics;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// Shows an export's progress on standard error, at most five times a second, when standard error is a terminal
/// and the export does not go to standard output on the same terminal.
/// </summary>
internal sealed class ExportProgress : IProgress<long>
{
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastShownAt = -1000;

    private ExportProgress(long total)
    {
        _total = total;
    }

    /// <summary>
    /// Returns a progress display, or null when standard error is redirected or the export goes to the terminal.
    /// </summary>
    public static ExportProgress? Create(long total, string? outPath) =>
        Console.IsErrorRedirected || (outPath is null && !Console.IsOutputRedirected)
            ? null
            : new ExportProgress(total);

    public void Report(long value)
    {
        if (_clock.ElapsedMilliseconds - _lastShownAt < 200)
        {
            return;
        }

        _lastShownAt = _clock.ElapsedMilliseconds;
        var percent = _total == 0 ? 100 : value * 100 / _total;
        Console.Error.Write($"\rExported {value:N0} of {_total:N0} entries ({percent}%)");
    }

    public void Finish() => Console.Error.WriteLine(
        $"\rExported {_total:N0} of {_total:N0} entries (100%) in {_clock.Elapsed.TotalSeconds:F1} s");
}
