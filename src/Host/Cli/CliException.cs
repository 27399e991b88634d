namespace EnterpriseLedger.Host.Cli;

/// <summary>A failure the user can fix: the command prints the message on one line and exits with the code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unavailable = 3;
}
