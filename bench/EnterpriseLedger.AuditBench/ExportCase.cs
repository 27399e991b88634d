using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Audit;
using Npgsql;

namespace EnterpriseLedger.AuditBench;

/// <summary>The programs that write an account's month to a file, and the settings they run with.</summary>
internal sealed record ExportSetup(string HostPath, string ConnectionString, string SigningKeyPath, string Month);

/// <summary>
/// One thing to measure: the ledger's <c>audit export</c> of an account's month in a format, or the raw baseline
/// for that format, psql running <c>COPY ... TO STDOUT</c> with its output redirected to a file.
/// </summary>
internal sealed record ExportCase(bool IsLedger, string Format, BenchAccount Account)
{
    private const string Entries = $"{LedgerStore.SchemaName}.{AuditTables.Entries}";

    public string Tool => IsLedger ? "ledger export" : "psql COPY";

    public string FileName => $"{Account.Name}-{(IsLedger ? "ledger" : "copy")}.{Format}";

    /// <summary>Returns the command that writes the export to <paramref name="outputPath"/>.</summary>
    public TimedCommand Command(ExportSetup setup, string outputPath) =>
        IsLedger ? LedgerCommand(setup, outputPath) : CopyCommand(setup, outputPath);

    private TimedCommand LedgerCommand(ExportSetup setup, string outputPath) => new(
        "dotnet",
        [
            setup.HostPath, "audit", "export", Account.Name,
            "--month", setup.Month, "--format", Format, "--out", outputPath,
        ],
        new Dictionary<string, string>
        {
            ["ConnectionStrings__Ledger"] = setup.ConnectionString,
            ["LEDGER_AUDIT_KEY"] = setup.SigningKeyPath,
        },
        outputPath + ".stdout");

    /// <summary>
    /// Builds the baseline: every entry of the account in chain order, which is the month's entries because the
    /// benchmark puts all of them in one month. For JSON, it writes each body on a line. For CSV, it writes columns
    /// much like the export's, with the whole body where the export has the <c>data</c> member.
    /// </summary>
    private TimedCommand CopyCommand(ExportSetup setup, string outputPath)
    {
        var rows = Format == "csv"
            ? "position, created_at, id, type, action, actor, team_name, body, encode(hash, 'hex')"
            : "body";
        var options = Format == "csv" ? " with (format csv, header)" : "";
        var sql = $"copy (select {rows} from {Entries} where account_id = '{Account.Id}' order by position) "
            + $"to stdout{options}";
        var connection = new NpgsqlConnectionStringBuilder(setup.ConnectionString);
        return new TimedCommand(
            "psql",
            ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--command", sql],
            new Dictionary<string, string>
            {
                ["PGHOST"] = connection.Host ?? "127.0.0.1",
                ["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGUSER"] = connection.Username ?? "",
                ["PGPASSWORD"] = connection.Password ?? "",
                ["PGDATABASE"] = connection.Database ?? "",
            },
            outputPath);
    }
}
