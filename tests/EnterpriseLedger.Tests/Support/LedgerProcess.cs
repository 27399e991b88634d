using System.Diagnostics;

namespace EnterpriseLedger.Tests.Support;

/// <summary>Runs the ledger's command line as a separate process, as a user would, against the test database.</summary>
public static class LedgerProcess
{
    public sealed record Output(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Output> RunAsync(string connectionString, params string[] args) =>
        RunAsync(connectionString, new Dictionary<string, string>(), args);

    /// <summary>Runs the command with extra environment variables, such as the audit key's path.</summary>
    public static async Task<Output> RunAsync(
        string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EnterpriseLedger.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Ledger"] = connectionString;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Output(process.ExitCode, await standardOutput, await standardError);
    }
}
