namespace EnterpriseLedger.AuditBench;

/// <summary>
/// What the untimed first exports of the small account showed: the output of <c>audit verify</c> on its JSON
/// archive, and why the CSV export cannot be measured, if it cannot.
/// </summary>
internal sealed record ExportProbe(string VerifyOutput, string? CsvProblem)
{
    /// <summary>
    /// Exports the small account as JSON and verifies the archive, which fails the benchmark when the seeded chain
    /// is not valid, then exports it as CSV and checks that the output starts with a CSV header.
    /// </summary>
    public static async Task<ExportProbe> RunAsync(
        ExportRunner runner, BenchAccount account, CancellationToken cancellationToken)
    {
        var json = new ExportCase(true, "json", account);
        var export = json.Command(runner.Setup, runner.OutputPath(json));
        await ExportRunner.RunCheckedAsync(json, export, cancellationToken);
        var verify = VerifyCommand(runner.Setup, runner.OutputPath(json));
        var verified = await TimedProcess.RunAsync(verify, cancellationToken);
        var verifyOutput = (await File.ReadAllTextAsync(verify.StandardOutputPath, cancellationToken)).Trim();
        runner.DeleteOutputs(json, export);
        File.Delete(verify.StandardOutputPath);
        if (verified.ExitCode != 0)
        {
            throw new AuditBenchException(
                $"The JSON archive of {account.Name} does not verify, so the seeded chain is wrong: {verifyOutput}"
                + verified.ErrorTail.Trim());
        }

        return new ExportProbe(verifyOutput, await CsvProblemAsync(runner, account, cancellationToken));
    }

    private static TimedCommand VerifyCommand(ExportSetup setup, string archivePath) => new(
        "dotnet",
        [setup.HostPath, "audit", "verify", archivePath],
        new Dictionary<string, string> { ["LEDGER_AUDIT_KEY"] = setup.SigningKeyPath },
        archivePath + ".verify");

    /// <summary>Returns why the command's CSV export cannot be measured, or null when it writes CSV.</summary>
    private static async Task<string?> CsvProblemAsync(
        ExportRunner runner, BenchAccount account, CancellationToken cancellationToken)
    {
        var csv = new ExportCase(true, "csv", account);
        var command = csv.Command(runner.Setup, runner.OutputPath(csv));
        var result = await TimedProcess.RunAsync(command, cancellationToken);
        if (result.ExitCode != 0)
        {
            runner.DeleteOutputs(csv, command);
            return $"`--format csv` exited with code {result.ExitCode}: {result.ErrorTail.Trim()}";
        }

        using var reader = new StreamReader(runner.OutputPath(csv));
        var firstLine = await reader.ReadLineAsync(cancellationToken) ?? "";
        reader.Close();
        runner.DeleteOutputs(csv, command);
        var start = firstLine.Length > 40 ? firstLine[..40] + "..." : firstLine;
        return firstLine.StartsWith("position,", StringComparison.Ordinal)
            ? null
            : $"`--format csv` wrote output that starts with `{start}`, not with a CSV header";
    }
}
