using System.Security.Cryptography;
using EnterpriseLedger.Host.Database;
using Microsoft.Extensions.Configuration;

namespace EnterpriseLedger.Host.Audit;

/// <summary>
/// The service's ECDSA P-256 key that signs audit archives. It lives in a PEM file outside the database, readable
/// by its owner only. The host's <c>Audit:SigningKey</c> setting or <c>LEDGER_AUDIT_KEY</c> names the file, else
/// it is <c>audit-signing-key.pem</c> in the data folder. The first start creates it.
/// </summary>
public static class AuditSigningKey
{
    public const string PathVariable = "LEDGER_AUDIT_KEY";
    public const string FileName = "audit-signing-key.pem";
    public const string ConfigurationKey = "Audit:SigningKey";

    /// <summary>
    /// Returns the key's path: the <c>Audit:SigningKey</c> setting, else <c>LEDGER_AUDIT_KEY</c>, else the file in
    /// the data folder. The host and the command line both resolve it here, so they sign with the same key.
    /// </summary>
    public static string PathFrom(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : DefaultPath();

    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(EmbeddedPostgres.DefaultDataDirectory(), FileName);

    /// <summary>Loads the key, creating it first when the file does not exist yet.</summary>
    public static ECDsa LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    /// <summary>Returns the public half of the key as PEM, for verifiers.</summary>
    public static string PublicPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Writes a new key unless another process wrote one first, in which case that key stays.</summary>
    private static void TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key between the check and the write, so both use that one.
        }
    }
}
