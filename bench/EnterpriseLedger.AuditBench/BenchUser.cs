using System.Security.Cryptography;
using System.Text;

namespace EnterpriseLedger.AuditBench;

/// <summary>A user of a benchmark account, whose id comes from the account and a label, so that runs agree.</summary>
internal sealed record BenchUser(Guid Id, string Email)
{
    public static BenchUser Of(string account, string label) =>
        new(IdOf(account, label), $"{label}@{account}.test");

    public static Guid IdOf(string account, string label)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{account}/{label}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
