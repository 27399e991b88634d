using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>What verifying an archive found: nothing when everything holds, else one line per problem.</summary>
public sealed record AuditVerification(AuditDigest? Digest, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0;
}

/// <summary>
/// Checks an audit archive offline: the signature over its digest, every entry's hash, the links between entries,
/// and the digest's count, first and last entry. Given the previous archive too, it checks the link between the
/// two. Each problem names the entry, so that a changed, removed, inserted or reordered entry can be found.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies the archive in <paramref name="archive"/>, gzipped or plain JSON.</summary>
    /// <param name="publicKey">The key the archive must be signed with.</param>
    /// <param name="previousArchive">The account's archive before this one, to check the link to it.</param>
    public static async Task<AuditVerification> VerifyAsync(
        Stream archive, ECDsa publicKey, Stream? previousArchive, CancellationToken cancellationToken)
    {
        using var document = await ParseAsync(archive, cancellationToken);
        var problems = new List<string>();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("digest", out var digestElement)
            || !root.TryGetProperty("signature", out var signatureElement)
            || !root.TryGetProperty("entries", out var entries)
            || entries.ValueKind != JsonValueKind.Array)
        {
            throw new AuditFormatException("Not an audit archive: expected an object with digest, signature and entries.");
        }

        var digest = AuditDigest.Parse(digestElement);
        var signature = AuditSignature.Parse(signatureElement);
        if (signature.KeyId != AuditSignature.KeyIdOf(publicKey))
        {
            problems.Add($"The archive is signed with key {signature.KeyId}, not with the given key "
                + $"{AuditSignature.KeyIdOf(publicKey)}.");
        }
        else if (!signature.Verify(publicKey, CanonicalJson.Serialize(digestElement)))
        {
            problems.Add("Bad signature: the digest is not the one that was signed.");
        }

        CheckEntries(digest, entries, problems);
        if (previousArchive is not null)
        {
            await CheckPreviousAsync(digest, previousArchive, problems, cancellationToken);
        }

        return new AuditVerification(digest, problems);
    }

    private static void CheckEntries(AuditDigest digest, JsonElement entries, List<string> problems)
    {
        var expectedPosition = digest.FirstEntry.Position;
        var previousHash = Convert.FromHexString(digest.FirstEntry.PreviousHash);
        long count = 0;
        string? lastHash = null;
        Guid? lastId = null;
        foreach (var entry in entries.EnumerateArray())
        {
            count++;
            var (position, storedPrevious, storedHash, id) = ReadChain(entry, count);
            if (position != expectedPosition)
            {
                problems.Add(position > expectedPosition
                    ? $"Entry {count} has position {position} where {expectedPosition} was expected: "
                        + $"{position - expectedPosition} entry or entries before it were removed."
                    : $"Entry {count} has position {position} where {expectedPosition} was expected: "
                        + "an entry was inserted, or entries were reordered.");
            }

            if (!storedPrevious.AsSpan().SequenceEqual(previousHash))
            {
                problems.Add($"Entry {count} (position {position}, id {id}) does not link to the entry before it: "
                    + "an entry was removed, inserted or moved here.");
            }

            var recomputed = AuditChain.Next(storedPrevious, CanonicalJson.Serialize(WithoutChain(entry)));
            if (!recomputed.AsSpan().SequenceEqual(storedHash))
            {
                problems.Add($"Entry {count} (position {position}, id {id}) was changed: its content does not "
                    + "match its hash.");
            }

            previousHash = storedHash;
            expectedPosition = position + 1;
            lastHash = AuditChain.ToHex(storedHash);
            lastId = id;
        }

        if (count != digest.Count)
        {
            problems.Add($"The archive holds {count} entries where its digest names {digest.Count}.");
        }

        if (lastHash != digest.LastChainHash || lastId != digest.LastEntry.Id)
        {
            problems.Add("The last entry is not the one the digest names: entries were removed or added at the end.");
        }
    }

    private static async Task CheckPreviousAsync(
        AuditDigest digest, Stream previousArchive, List<string> problems, CancellationToken cancellationToken)
    {
        using var previous = await ParseAsync(previousArchive, cancellationToken);
        if (!previous.RootElement.TryGetProperty("digest", out var previousElement))
        {
            throw new AuditFormatException("The previous archive has no digest.");
        }

        var previousDigest = AuditDigest.Parse(previousElement);
        var previousSha256 = Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(previousElement)));
        if (digest.PreviousDigestSha256 != previousSha256 || digest.PreviousPeriod != previousDigest.Period)
        {
            problems.Add($"Broken link to the previous archive: this archive names "
                + $"{digest.PreviousPeriod?.ToString() ?? "no previous archive"}, but the given one is "
                + $"{previousDigest.Period} with a different digest.");
        }
        else if (digest.FirstEntry.PreviousHash != previousDigest.LastChainHash)
        {
            problems.Add("Broken link to the previous archive: the first entry does not follow its last entry.");
        }
    }

    private static (long Position, byte[] PreviousHash, byte[] Hash, Guid Id) ReadChain(JsonElement entry, long number)
    {
        try
        {
            var chain = entry.GetProperty("chain");
            return (
                chain.GetProperty("position").GetInt64(),
                Convert.FromHexString(chain.GetProperty("previous_hash").GetString() ?? ""),
                Convert.FromHexString(chain.GetProperty("hash").GetString() ?? ""),
                entry.TryGetProperty("id", out var id) && id.TryGetGuid(out var parsed) ? parsed : Guid.Empty);
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AuditFormatException($"Entry {number} has no valid chain member: {error.Message}");
        }
    }

    private static JsonElement WithoutChain(JsonElement entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in entry.EnumerateObject().Where(member => member.Name != "chain"))
            {
                member.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    /// <summary>Parses the archive, unzipping it first when it starts with the gzip magic bytes.</summary>
    private static async Task<JsonDocument> ParseAsync(Stream input, CancellationToken cancellationToken)
    {
        var buffered = new BufferedStream(input);
        var magic = new byte[2];
        var read = await buffered.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        var all = new MemoryStream();
        await all.WriteAsync(magic.AsMemory(0, read), cancellationToken);
        await buffered.CopyToAsync(all, cancellationToken);
        all.Position = 0;
        Stream source = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(all, CompressionMode.Decompress)
            : all;
        try
        {
            return await JsonDocument.ParseAsync(source, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException)
        {
            throw new AuditFormatException($"The archive is not valid JSON: {error.Message}");
        }
    }
}
