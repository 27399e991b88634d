using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Tests.Support;
using Shouldly;

namespace EnterpriseLedger.Tests.Cli;

/// <summary><c>./ledger audit</c> as a user runs it: export a month of northwind, then verify the file offline.</summary>
[Collection(DatabaseTests.Name)]
public sealed class AuditCommandTests(LedgerDatabase database) : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ledger-audit-cli-");

    private string KeyPath => Path.Combine(_folder.FullName, "audit-signing-key.pem");

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await Migrator.MigrateAsync(database.Store, Examples.InputPath("single-team"));
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task exported_archive_verifies()
    {
        var file = await ExportAsync("northwind.json");

        var output = await RunAsync("audit", "verify", file);

        output.ExitCode.ShouldBe(0, output.StandardOutput + output.StandardError);
        output.StandardOutput.ShouldStartWith("OK: ");
    }

    [Fact]
    public async Task changed_entry_fails_verify()
    {
        var file = await ExportAsync("northwind.json");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("cy@northwind.test", "cz@northwind.test", StringComparison.Ordinal));

        var output = await RunAsync("audit", "verify", file);

        output.ExitCode.ShouldBe(1);
        output.StandardOutput.ShouldContain("FAILED: ");
        output.StandardOutput.ShouldContain("was changed");
    }

    [Fact]
    public async Task other_key_fails_verify()
    {
        var file = await ExportAsync("northwind.json");
        var otherKey = Path.Combine(_folder.FullName, "other.pem");
        var printed = await LedgerProcess.RunAsync(
            database.ConnectionString,
            new Dictionary<string, string> { [AuditSigningKey.PathVariable] = Path.Combine(_folder.FullName, "other-key.pem") },
            "audit", "public-key");
        await File.WriteAllTextAsync(otherKey, printed.StandardOutput);

        var output = await RunAsync("audit", "verify", file, "--key", otherKey);

        output.ExitCode.ShouldBe(1);
        output.StandardOutput.ShouldContain("not with the given key");
    }

    [Fact]
    public async Task csv_export_has_header_and_rows()
    {
        var file = await ExportAsync("northwind.csv", "csv");

        var lines = (await File.ReadAllLinesAsync(file)).Where(line => line.Length > 0).ToList();

        lines[0].ShouldBe(string.Join(',', AuditEntryFormats.CsvColumns));
        lines.Count.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task ndjson_export_has_one_entry_per_line()
    {
        var file = await ExportAsync("northwind.ndjson", "ndjson");

        var lines = (await File.ReadAllLinesAsync(file)).Where(line => line.Length > 0).ToList();

        lines.Count.ShouldBeGreaterThan(5);
        foreach (var line in lines)
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            entry.RootElement.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        }
    }

    [Fact]
    public async Task export_is_an_entry()
    {
        var first = await ExportAsync("first.json");

        var second = await ExportAsync("second.json");

        var firstText = await File.ReadAllTextAsync(first);
        var secondText = await File.ReadAllTextAsync(second);
        secondText.Length.ShouldBeGreaterThan(firstText.Length);
        secondText.ShouldContain("\"type\":\"audit_log\"");
    }

    [Fact]
    public async Task missing_key_is_a_usage_error()
    {
        var file = Path.Combine(_folder.FullName, "archive.json");
        await File.WriteAllTextAsync(file, "{}");

        var output = await RunAsync("audit", "verify", file);

        output.ExitCode.ShouldBe(2);
        output.StandardError.ShouldContain("--key");
    }

    [Fact]
    public async Task non_archive_is_reported()
    {
        var file = Path.Combine(_folder.FullName, "not-an-archive.json");
        await File.WriteAllTextAsync(file, "{\"entries\": []}");
        await RunAsync("audit", "public-key");

        var output = await RunAsync("audit", "verify", file);

        output.ExitCode.ShouldBe(1);
        output.StandardError.ShouldContain("Not an audit archive");
    }

    [Theory]
    [InlineData("nowhere", "--month", "2026-11", 1, "No Enterprise Account 'nowhere'")]
    [InlineData("northwind", "--month", "november", 2, "Invalid --month 'november'")]
    [InlineData("northwind", "--format", "xml", 2, "xml")]
    public async Task bad_export_arguments_are_reported(
        string account, string option, string value, int exitCode, string message)
    {
        var output = await RunAsync("audit", "export", account, option, value);

        output.ExitCode.ShouldBe(exitCode);
        output.StandardError.ShouldContain(message, Case.Insensitive);
    }

    private async Task<string> ExportAsync(string name, string format = "json")
    {
        var file = Path.Combine(_folder.FullName, name);
        var month = AuditPeriod.Of(DateTimeOffset.UtcNow).ToString();

        var output = await RunAsync("audit", "export", "northwind", "--month", month, "--format", format, "--out", file);

        output.ExitCode.ShouldBe(0, output.StandardError);
        return file;
    }

    private Task<LedgerProcess.Output> RunAsync(params string[] args) =>
        LedgerProcess.RunAsync(
            database.ConnectionString, new Dictionary<string, string> { [AuditSigningKey.PathVariable] = KeyPath }, args);
}
