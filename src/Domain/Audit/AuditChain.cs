using System.Security.Cryptography;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>
/// The hash chain of an account's audit entries. Entry n's hash is SHA-256 over entry n-1's hash (32 bytes, or 32
/// zero bytes for the first entry) followed by the UTF-8 canonical JSON of entry n without its <c>chain</c> member.
/// Changing, removing, inserting or reordering an entry therefore changes every hash after it.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;

    public static byte[] Genesis { get; } = new byte[HashLength];

    public static byte[] Next(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> canonicalEntry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        hash.AppendData(canonicalEntry);
        return hash.GetHashAndReset();
    }

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
