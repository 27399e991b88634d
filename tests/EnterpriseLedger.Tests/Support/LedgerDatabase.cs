using EnterpriseLedger.Host.Database;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Projections.Audit;
using Marten;

namespace EnterpriseLedger.Tests.Support;

/// <summary>
/// A real PostgreSQL for the tests, started by the same embedded mechanism as the ledger's default, in a
/// temporary folder, and stopped when the tests end.
/// </summary>
public sealed class LedgerDatabase : IAsyncLifetime
{
    private DirectoryInfo? _folder;
    private EmbeddedPostgres? _cluster;
    private DocumentStore? _store;

    public string ConnectionString { get; private set; } = "";

    public DocumentStore Store => _store ?? throw new InvalidOperationException("The database is not started.");

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("ledger-tests-");

        // PostgreSQL runs as the postgres user when the tests run as root, and that user must enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder.FullName, (UnixFileMode)0b111_101_101);
        }

        _cluster = new EmbeddedPostgres(_folder.FullName);
        ConnectionString = await _cluster.EnsureStartedAsync();
        _store = LedgerStore.Create(ConnectionString);
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>Deletes every document, event and audit entry, so that each test starts from an empty ledger.</summary>
    public async Task ResetAsync()
    {
        await Store.Advanced.ResetAllData();
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var truncate = new Npgsql.NpgsqlCommand(
            $"truncate {AuditTablesIn(LedgerStore.SchemaName)}", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    private static string AuditTablesIn(string schema) => string.Join(", ",
        new[] { AuditTables.Entries, AuditTables.Heads, AuditTables.Seals }.Select(table => $"{schema}.{table}"));

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
        }

        _folder?.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseTests : ICollectionFixture<LedgerDatabase>
{
    public const string Name = "database";
}
