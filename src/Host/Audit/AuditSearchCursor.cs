using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace EnterpriseLedger.Host.Audit;

/// <summary>
/// Where the next page of a search starts. The token is base64url of 50 bytes: a version (1), the order, the
/// position of the last entry returned, the last position the search covers, the account id, the filters'
/// fingerprint, and a checksum over the rest.
/// </summary>
/// <param name="LastReturned">
/// The chain position of the last entry returned, which the next page continues after.
/// </param>
/// <param name="UpTo">
/// The account's last position when the search's first page was read. Pages never go past it, so entries written
/// while a client pages, such as the record of the search itself, wait for the next search, and ascending and
/// descending searches cover the same entries.
/// </param>
/// <remarks>
/// The checksum is not a signature: it catches a damaged or edited token, but a client can compute it. That is
/// harmless, because a cursor only narrows a search that the caller may run anyway.
/// </remarks>
public sealed record AuditSearchCursor(
    Guid AccountId, AuditSearchOrder Order, long LastReturned, long UpTo, ulong FiltersFingerprint)
{
    private const byte Version = 1;
    private const int PayloadLength = 42;
    private const int ChecksumLength = 8;
    private const int Length = PayloadLength + ChecksumLength;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        bytes[1] = (byte)Order;
        BinaryPrimitives.WriteInt64BigEndian(bytes[2..], LastReturned);
        BinaryPrimitives.WriteInt64BigEndian(bytes[10..], UpTo);
        AccountId.TryWriteBytes(bytes[18..34], bigEndian: true, out _);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[34..], FiltersFingerprint);
        Checksum(bytes[..PayloadLength]).CopyTo(bytes[PayloadLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Decodes a token that <see cref="Encode"/> wrote. Returns null when the token is not base64url, has another
    /// length or version, fails its checksum, or contains positions that no search issues.
    /// </summary>
    public static AuditSearchCursor? TryDecode(string token)
    {
        Span<byte> bytes = stackalloc byte[Length];
        if (token.Length != Base64Url.GetEncodedLength(Length)
            || !Base64Url.IsValid(token)
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written)
            || written != Length
            || bytes[0] != Version
            || bytes[1] > (byte)AuditSearchOrder.Descending
            || !Checksum(bytes[..PayloadLength]).SequenceEqual(bytes[PayloadLength..]))
        {
            return null;
        }

        var lastReturned = BinaryPrimitives.ReadInt64BigEndian(bytes[2..]);
        var upTo = BinaryPrimitives.ReadInt64BigEndian(bytes[10..]);
        if (lastReturned < 1 || upTo < lastReturned)
        {
            return null;
        }

        return new AuditSearchCursor(
            new Guid(bytes[18..34], bigEndian: true),
            (AuditSearchOrder)bytes[1],
            lastReturned,
            upTo,
            BinaryPrimitives.ReadUInt64BigEndian(bytes[34..]));
    }

    private static ReadOnlySpan<byte> Checksum(ReadOnlySpan<byte> payload) =>
        SHA256.HashData(payload).AsSpan(0, ChecksumLength);
}
