using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EnterpriseLedger.Domain.Audit;

namespace EnterpriseLedger.Host.Audit;

/// <summary>A month's archive ready to write: its entries' range, its digest and the digest's signature.</summary>
public sealed record AuditArchive(AuditMonth Month, AuditDigest Digest, AuditSignature Signature, AuditSeal Seal);

/// <summary>
/// Builds the monthly archives of an account's audit log (the format is in <c>docs/audit-log.md</c>). ECDSA
/// signatures differ each time, so each digest is signed once and the signature kept in <c>audit_seals</c>. The
/// same month then gives the same bytes, and the same checksum, until new entries arrive.
/// </summary>
public sealed class AuditArchives(AuditStore store, ECDsa signingKey)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Returns the archives of every month with entries up to <paramref name="upToPosition"/>, oldest first,
    /// each linked to the one before it.
    /// </summary>
    public async Task<IReadOnlyList<AuditArchive>> ListAsync(
        Guid accountId, long upToPosition, CancellationToken cancellationToken)
    {
        var months = await store.MonthsAsync(accountId, upToPosition, cancellationToken);
        var positions = months
            .SelectMany(month => new[] { month.FirstPosition, month.LastPosition })
            .Distinct()
            .ToList();
        var links = await store.LinksAsync(accountId, positions, cancellationToken);

        var archives = new List<AuditArchive>(months.Count);
        AuditDigest? previous = null;
        foreach (var month in months)
        {
            var digest = new AuditDigest(
                accountId,
                month.Period,
                month.Count,
                Link(links, month.FirstPosition),
                Link(links, month.LastPosition),
                previous?.Period,
                previous?.Sha256());
            archives.Add(await SealAsync(month, digest, cancellationToken));
            previous = digest;
        }

        return archives;
    }

    /// <summary>Returns the archive of one month, or null when the month has no entries.</summary>
    public async Task<AuditArchive?> FindAsync(
        Guid accountId, AuditPeriod period, long upToPosition, CancellationToken cancellationToken)
    {
        var archives = await ListAsync(accountId, upToPosition, cancellationToken);
        return archives.FirstOrDefault(archive => archive.Month.Period == period);
    }

    /// <summary>
    /// Writes the archive as JSON, gzipped when <paramref name="gzip"/> is set: the digest, the signature, the
    /// entries exactly in Heroku's shape, then the <c>chain</c> (each entry's position, id and hash), which lets a
    /// verifier name the entry that was changed, removed, inserted or moved. One binary COPY streams the entries.
    /// Their bodies go to <paramref name="output"/> as the bytes stored, and the chain lines wait in a temporary
    /// file until the entries are done, so memory stays flat however long the month is.
    /// </summary>
    public async Task WriteAsync(
        Stream output,
        AuditArchive archive,
        bool gzip,
        CancellationToken cancellationToken,
        IProgress<long>? progress = null)
    {
        var target = gzip ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : output;
        try
        {
            // Not disposed: disposing a BufferedStream closes the stream under it, which belongs to the caller.
            var buffered = new BufferedStream(target, 1 << 16);
            await using var chain = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose);
            await WriteTextAsync(buffered, "{\"digest\":" + archive.Digest.ToCanonicalString()
                + ",\"signature\":" + archive.Signature.ToCanonicalString() + ",\"entries\":[", cancellationToken);

            var (accountId, first, last) =
                (archive.Digest.AccountId, archive.Month.FirstPosition, archive.Month.LastPosition);
            var line = new byte[160];
            long written = 0;
            await foreach (var row in store.ReadRawAsync(accountId, first, last, cancellationToken))
            {
                await buffered.WriteAsync(written == 0 ? EntryStart : EntrySeparator, cancellationToken);
                await buffered.WriteAsync(row.Body, cancellationToken);

                // The temporary file is local, so its small writes go through its own buffer synchronously.
                chain.Write(line, 0, ChainLine(line, row, first: written == 0));
                written++;
                if (written % 1024 == 0)
                {
                    progress?.Report(written);
                }
            }

            await WriteTextAsync(buffered, "\n],\"chain\":[", cancellationToken);
            chain.Position = 0;
            await chain.CopyToAsync(buffered, cancellationToken);
            await WriteTextAsync(buffered, "\n]}\n", cancellationToken);
            await buffered.FlushAsync(cancellationToken);
        }
        finally
        {
            if (gzip)
            {
                await target.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Returns the SHA-256 (hex) and size of the gzipped archive, computing them once per seal by writing the
    /// archive into a hash.
    /// </summary>
    public async Task<(string Checksum, long Size)> ChecksumAsync(
        AuditArchive archive, CancellationToken cancellationToken)
    {
        if (archive.Seal is { Checksum: { } checksum, Size: { } size })
        {
            return (checksum, size);
        }

        await using var hashing = new HashingStream();
        await WriteAsync(hashing, archive, gzip: true, cancellationToken);
        var (computed, length) = hashing.Finish();
        await store.SaveSealAsync(
            archive.Digest.AccountId,
            archive.Month.Period,
            archive.Month.LastPosition,
            archive.Seal with { Checksum = computed, Size = length },
            cancellationToken);
        return (computed, length);
    }

    /// <summary>
    /// Reuses the stored signature when the digest has not changed, else signs the digest and stores the new one.
    /// </summary>
    private async Task<AuditArchive> SealAsync(
        AuditMonth month, AuditDigest digest, CancellationToken cancellationToken)
    {
        var canonical = digest.ToCanonicalString();
        var stored = await store.SealAsync(digest.AccountId, month.Period, cancellationToken);
        if (stored is not null && stored.Digest == canonical)
        {
            var signature = AuditSignature.Parse(JsonDocument.Parse(stored.Signature).RootElement);
            return new AuditArchive(month, digest, signature, stored);
        }

        var signed = AuditSignature.Sign(signingKey, Encoding.UTF8.GetBytes(canonical));
        var seal = new AuditSeal(canonical, signed.ToCanonicalString(), null, null);
        await store.SaveSealAsync(digest.AccountId, month.Period, month.LastPosition, seal, cancellationToken);
        return new AuditArchive(month, digest, signed, seal);
    }

    private static AuditLink Link(
        IReadOnlyDictionary<long, (Guid Id, byte[] PreviousHash, byte[] Hash)> links, long position)
    {
        var (id, previousHash, hash) = links[position];
        return new AuditLink(id, position, AuditChain.ToHex(previousHash), AuditChain.ToHex(hash));
    }

    private static readonly byte[] EntryStart = "\n"u8.ToArray();
    private static readonly byte[] EntrySeparator = ",\n"u8.ToArray();

    /// <summary>
    /// Writes one chain line, <c>{"position":n,"id":"...","hash":"..."}</c>, into the buffer as UTF-8 and returns
    /// its length in bytes.
    /// </summary>
    private static int ChainLine(byte[] buffer, AuditRawEntry row, bool first)
    {
        var span = buffer.AsSpan();
        var length = 0;
        Append(ref length, span, first ? "\n{\"position\":"u8 : ",\n{\"position\":"u8);
        System.Buffers.Text.Utf8Formatter.TryFormat(row.Position, span[length..], out var digits);
        length += digits;
        Append(ref length, span, ",\"id\":\""u8);
        System.Buffers.Text.Utf8Formatter.TryFormat(row.Id, span[length..], out var idLength);
        length += idLength;
        Append(ref length, span, "\",\"hash\":\""u8);
        Convert.TryToHexStringLower(row.Hash, span[length..], out var hexLength);
        length += hexLength;
        Append(ref length, span, "\"}"u8);
        return length;

        static void Append(ref int length, Span<byte> span, ReadOnlySpan<byte> text)
        {
            text.CopyTo(span[length..]);
            length += text.Length;
        }
    }

    private static ValueTask WriteTextAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Utf8.GetBytes(text), cancellationToken);

    /// <summary>A write-only stream that keeps only the SHA-256 and the length of what passes through it.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public (string Checksum, long Size) Finish() => (Convert.ToHexStringLower(_hash.GetHashAndReset()), _length);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
