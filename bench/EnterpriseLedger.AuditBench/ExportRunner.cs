using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Audit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnterpriseLedger.AuditBench;

/// <summary>Runs export cases under GNU time, each into a scratch file that is deleted afterwards.</summary>
internal sealed class ExportRunner(ExportSetup setup, NpgsqlDataSource dataSource, string folder, ILogger logger)
{
    private const string Entries = $"{LedgerStore.SchemaName}.{AuditTables.Entries}";

    public ExportSetup Setup => setup;

    public string OutputPath(ExportCase item) => Path.Combine(folder, item.FileName);

    /// <summary>
    /// Runs a case once and returns what it used. The entries are counted before the run, because every ledger
    /// export appends an entry, <c>audit_log download</c>, to the account's chain after it has chosen the range
    /// it exports.
    /// </summary>
    public async Task<Measurement> MeasureAsync(ExportCase item, int run, CancellationToken cancellationToken)
    {
        var entries = await CountEntriesAsync(item.Account, cancellationToken);
        var load = MachineInfo.LoadAverage();
        var command = item.Command(setup, OutputPath(item));
        var result = await RunCheckedAsync(item, command, cancellationToken);
        var bytes = new FileInfo(OutputPath(item)).Length;
        DeleteOutputs(item, command);

        var measurement = new Measurement(item, run, load, entries, bytes, result.Usage);
        BenchLog.Measured(logger, item.Tool, item.Format, entries, run, result.Usage.WallSeconds,
            measurement.MegabytesPerSecond, result.Usage.MaxResidentMegabytes);
        return measurement;
    }

    /// <summary>Runs a case once, untimed, to bring the table into the page cache.</summary>
    public async Task RunUntimedAsync(ExportCase item, CancellationToken cancellationToken)
    {
        var command = item.Command(setup, OutputPath(item));
        await RunCheckedAsync(item, command, cancellationToken);
        DeleteOutputs(item, command);
    }

    /// <summary>Runs a command and throws, with the end of its standard error, unless it exits with 0.</summary>
    public static async Task<TimedResult> RunCheckedAsync(
        ExportCase item, TimedCommand command, CancellationToken cancellationToken)
    {
        var result = await TimedProcess.RunAsync(command, cancellationToken);
        return result.ExitCode == 0
            ? result
            : throw new AuditBenchException(
                $"{item.Tool} of {item.Account.Name} as {item.Format} exited with code {result.ExitCode}: "
                + result.ErrorTail.Trim());
    }

    public void DeleteOutputs(ExportCase item, TimedCommand command)
    {
        File.Delete(OutputPath(item));
        File.Delete(command.StandardOutputPath);
    }

    private async Task<long> CountEntriesAsync(BenchAccount account, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select count(*) from {Entries} where account_id = $1");
        command.Parameters.AddWithValue(account.Id);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
