using System.Diagnostics;

namespace EnterpriseLedger.AuditBench;

/// <summary>
/// A program to run, the environment variables that it gets besides this process's own, and the file that
/// receives its standard output.
/// </summary>
internal sealed record TimedCommand(
    string Program,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string StandardOutputPath);

/// <summary>How a timed process ended: its exit code, its resource usage and the end of its standard error.</summary>
internal sealed record TimedResult(int ExitCode, ResourceUsage Usage, string ErrorTail);

/// <summary>
/// Runs a program under GNU time, with its standard output and standard error sent to files. A shell that
/// <c>exec</c>s the program makes the redirections, so that GNU time measures the program itself and nothing else
/// runs between it and the files.
/// </summary>
internal static class TimedProcess
{
    public const string TimePath = "/usr/bin/time";

    private const string RedirectScript = "exec \"$@\" >\"$AUDIT_BENCH_STDOUT\" 2>\"$AUDIT_BENCH_STDERR\"";
    private const int ErrorTailCharacters = 2_000;

    public static async Task<TimedResult> RunAsync(TimedCommand command, CancellationToken cancellationToken)
    {
        var reportPath = command.StandardOutputPath + ".time";
        var errorPath = command.StandardOutputPath + ".stderr";
        var start = new ProcessStartInfo(TimePath) { UseShellExecute = false };
        foreach (var argument in (string[])["-v", "-o", reportPath, "sh", "-c", RedirectScript, "sh", command.Program])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AUDIT_BENCH_STDOUT"] = command.StandardOutputPath;
        start.Environment["AUDIT_BENCH_STDERR"] = errorPath;

        var exitCode = await RunToEndAsync(start, cancellationToken);
        var usage = ResourceUsage.Parse(await File.ReadAllLinesAsync(reportPath, cancellationToken));
        var errors = File.Exists(errorPath) ? await File.ReadAllTextAsync(errorPath, cancellationToken) : "";
        File.Delete(reportPath);
        File.Delete(errorPath);
        return new TimedResult(exitCode, usage, Tail(errors));
    }

    private static string Tail(string text) =>
        text.Length > ErrorTailCharacters ? text[^ErrorTailCharacters..] : text;

    private static async Task<int> RunToEndAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start)
            ?? throw new AuditBenchException($"Could not start {TimePath}.");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // GNU time, the shell's exec and the measured program form one tree; none of it may outlive the benchmark.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        return process.ExitCode;
    }
}
