using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.Database;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Host.Views;
using Marten;
using Npgsql;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>audit export|public-key|verify</c>: exports a month of an account's audit log, prints the public key that
/// verifies archives, and verifies an archive offline. Only <c>export</c> opens the database.
/// </summary>
public static class AuditCommand
{
    public const string ExportUsage = "audit export ACCOUNT [--month 2026-11] [--format json|ndjson|csv] [--out FILE]";

    public const string PublicKeyUsage = "audit public-key";

    public const string VerifyUsage = "audit verify FILE [--key PUBLIC_KEY.pem] [--previous FILE]";

    // The help text indents each command by two spaces.
    public static string Usage { get; } = string.Join("\n  ", ExportUsage, PublicKeyUsage, VerifyUsage);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var action = args.Length > 0 ? args[0] : "";
        var rest = args.Skip(1).ToList();
        return action switch
        {
            "export" => await ExportAsync(rest, cancellationToken),
            "public-key" => PrintPublicKey(rest),
            "verify" => await VerifyAsync(rest, cancellationToken),
            "" => throw new CliException(
                "Missing action export, public-key or verify; for example: ./ledger audit public-key."),
            _ => throw new CliException(
                $"Unknown action '{action}' for 'audit'; expected export, public-key or verify."),
        };
    }

    private static async Task<int> ExportAsync(List<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("audit export", args, "month", "format", "out");
        var account = arguments.Positional(0, "ACCOUNT", "./ledger audit export northwind --month 2026-11");
        var format = arguments.OneOf("format", "json", "json", "ndjson", "csv");
        var month = arguments.Option("month");
        var period = month is null ? AuditPeriod.Of(TimeProvider.System.GetUtcNow()) : ParsePeriod(month);
        var outPath = arguments.Option("out");

        var configuration = LedgerConfiguration.Build([]);
        var connectionString = await LedgerDatabase.ResolveConnectionStringAsync(configuration, cancellationToken);
        await using var store = LedgerStore.Create(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var audit = new AuditStore(dataSource);
        using var key = AuditSigningKey.LoadOrCreate(AuditSigningKey.PathFrom(LedgerConfiguration.Build([])));
        var archives = new AuditArchives(audit, key);

        Guid accountId;
        await using (var session = store.QuerySession())
        {
            accountId = (await AccountLookup.FindAsync(session, account, cancellationToken)).Id;
        }

        var upTo = await audit.LastPositionAsync(accountId, cancellationToken);
        var archive = await archives.FindAsync(accountId, period, upTo, cancellationToken)
            ?? throw new CliException($"{account} has no audit entries in {period}.", ExitCodes.Failed);

        await RecordExportAsync(store, archive, format, cancellationToken);
        await using (var output = OpenOutput(outPath))
        {
            var progress = ExportProgress.Create(archive.Month.Count, outPath);
            if (format == "json" || !AuditEntryFormats.TryParse(format, out var entryFormat))
            {
                await archives.WriteAsync(output, archive, gzip: false, cancellationToken, progress);
            }
            else
            {
                var rows = audit.ReadAsync(
                    accountId, archive.Month.FirstPosition, archive.Month.LastPosition, cancellationToken);
                await AuditEntryFormats.WriteAsync(
                    output, ReportProgress(rows, progress), entryFormat, cancellationToken);
            }

            progress?.Finish();
        }

        if (outPath is not null)
        {
            await Console.Error.WriteLineAsync(
                $"Exported {archive.Month.Count} entries of {account} for {period} as {format} to {outPath}.");
        }

        return ExitCodes.Success;
    }

    private static async IAsyncEnumerable<AuditEntryRow> ReportProgress(
        IAsyncEnumerable<AuditEntryRow> rows, ExportProgress? progress)
    {
        long count = 0;
        await foreach (var row in rows)
        {
            yield return row;
            if (++count % 1024 == 0)
            {
                progress?.Report(count);
            }
        }
    }

    private static int PrintPublicKey(List<string> args)
    {
        var arguments = CommandArguments.Parse("audit public-key", args);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliException(
                $"Unexpected argument '{arguments.Positionals[0]}'; usage: ./ledger {PublicKeyUsage}.");
        }

        using var key = AuditSigningKey.LoadOrCreate(AuditSigningKey.PathFrom(LedgerConfiguration.Build([])));
        Console.Out.Write(AuditSigningKey.PublicPem(key));
        Console.Out.WriteLine();
        return ExitCodes.Success;
    }

    private static async Task<int> VerifyAsync(List<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("audit verify", args, "key", "previous");
        var file = arguments.Positional(0, "FILE", "./ledger audit verify audit-northwind-2026-11.json.gz");
        using var publicKey = LoadPublicKey(arguments.Option("key"));
        var previousPath = arguments.Option("previous");

        AuditVerification verification;
        try
        {
            await using var archive = OpenInput(file);
            await using var previous = previousPath is null ? null : OpenInput(previousPath);
            verification = await AuditVerifier.VerifyAsync(archive, publicKey, previous, cancellationToken);
        }
        catch (AuditFormatException error)
        {
            throw new CliException($"{file}: {error.Message}", ExitCodes.Failed);
        }

        if (!verification.Holds)
        {
            foreach (var problem in verification.Problems)
            {
                await Console.Out.WriteLineAsync($"FAILED: {problem}");
            }

            return ExitCodes.Failed;
        }

        if (verification.Digest is not { } digest)
        {
            throw new CliException($"{file}: the archive has no digest.", ExitCodes.Failed);
        }

        var link = previousPath is null ? "" : $", linked to {digest.PreviousPeriod}";
        await Console.Out.WriteLineAsync(
            $"OK: {digest.Count} entries of account {digest.AccountId} for {digest.Period}, positions "
            + $"{digest.FirstEntry.Position} to {digest.LastEntry.Position}, signed by key "
            + $"{AuditSignature.KeyIdOf(publicKey)}{link}.");
        return ExitCodes.Success;
    }

    private static async Task RecordExportAsync(
        DocumentStore store, AuditArchive archive, string format, CancellationToken cancellationToken)
    {
        var actor = new Actor($"cli:{Environment.UserName}", null, TimeProvider.System.GetUtcNow());
        var exported = new AuditLogDownloaded(
            archive.Digest.AccountId, archive.Month.Period.ToString(), format, archive.Month.Count, actor);
        await using var session = store.LightweightSession();
        session.Events.StartStream(Guid.CreateVersion7(), exported);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Loads a public key from a PEM file, or the public half of this machine's signing key.</summary>
    private static System.Security.Cryptography.ECDsa LoadPublicKey(string? path)
    {
        if (path is null)
        {
            var own = AuditSigningKey.PathFrom(LedgerConfiguration.Build([]));
            return File.Exists(own)
                ? AuditSigningKey.LoadOrCreate(own)
                : throw new CliException(
                    $"No signing key at {own}; pass the service's public key with --key "
                    + "(./ledger audit public-key prints it).");
        }

        var key = System.Security.Cryptography.ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw new CliException($"Cannot read the public key {path}: {error.Message}");
        }
    }

    private static AuditPeriod ParsePeriod(string text) =>
        AuditPeriod.TryParse(text, out var period)
            ? period
            : throw new CliException($"Invalid --month '{text}'; expected yyyy-MM, such as 2026-11.");

    private static FileStream OpenInput(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read {path}: {error.Message}");
        }
    }

    private static Stream OpenOutput(string? path)
    {
        if (path is null)
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            return File.Create(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write {path}: {error.Message}");
        }
    }
}
