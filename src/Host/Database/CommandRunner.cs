using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Outcome of one finished program run, with its output captured.
/// </summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    private const int TailLineCount = 20;

    public CommandResult ThrowIfFailed() => ExitCode == 0 ? this : throw Failure();

    public EmbeddedPostgresException Failure(string? details = null)
    {
        var output = StandardError.Trim().Length > 0 ? StandardError : StandardOutput;
        var message = $"Command failed with exit code {ExitCode}: {CommandLine}"
            + Environment.NewLine + TextTail.LastLines(output, TailLineCount);
        return new EmbeddedPostgresException(details is null ? message : message + Environment.NewLine + details);
    }
}

/// <summary>
/// Runs programs without a shell, so no argument is ever parsed or expanded by one.
/// </summary>
internal static class CommandRunner
{
    /// <summary>
    /// Runs a program to its end and returns its exit code and output. A non-zero exit code is not an error here.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">The program could not be started.</exception>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var commandLine = FormatCommandLine(fileName, arguments);
        EmbeddedPostgresLog.RunningCommand(logger, commandLine);

        using var process = Start(CreateStartInfo(fileName, arguments, workingDirectory), commandLine);

        // Closing stdin makes a program that would prompt for input fail instead of waiting forever.
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await WaitForExitAsync(process, cancellationToken);

        var result = new CommandResult(
            commandLine,
            process.ExitCode,
            await standardOutput,
            await standardError);
        EmbeddedPostgresLog.CommandExited(logger, commandLine, result.ExitCode);
        return result;
    }

    private static ProcessStartInfo CreateStartInfo(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static Process Start(ProcessStartInfo startInfo, string commandLine)
    {
        try
        {
            return Process.Start(startInfo)
                ?? throw new EmbeddedPostgresException($"Could not start {commandLine}: no process was created.");
        }
        catch (Win32Exception exception)
        {
            throw new EmbeddedPostgresException($"Could not start {commandLine}: {exception.Message}", exception);
        }
    }

    private static async Task WaitForExitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string FormatCommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(QuoteIfNeeded));

    private static string QuoteIfNeeded(string argument) =>
        argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? $"\"{argument}\"" : argument;
}
