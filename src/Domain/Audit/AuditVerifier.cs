using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>The result of verifying an archive: no problems when everything holds, else one line per problem.</summary>
public sealed record AuditVerification(AuditDigest? Digest, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0;
}

/// <summary>
/// Checks an audit archive offline: the signature over its digest, and that the entries hash, from the digest's
/// first previous hash, to the chain hash the digest signs. The archive's chain index then names each changed,
/// removed, inserted or reordered entry. Given the previous archive too, it checks the link between the two.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies the archive in <paramref name="archive"/>, gzipped or plain JSON.</summary>
    /// <param name="publicKey">The key the archive must be signed with.</param>
    /// <param name="previousArchive">The account's archive before this one, to check the link to it.</param>
    /// <exception cref="AuditFormatException">The file is not an archive, or a member has the wrong form.</exception>
    public static async Task<AuditVerification> VerifyAsync(
        Stream archive, ECDsa publicKey, Stream? previousArchive, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckAsync(archive, publicKey, previousArchive, cancellationToken);
        }
        catch (Exception error) when (error is DuplicateMemberException or InvalidOperationException or FormatException
            or KeyNotFoundException)
        {
            throw new AuditFormatException($"The archive is malformed: {error.Message}");
        }
    }

    private static async Task<AuditVerification> CheckAsync(
        Stream archive, ECDsa publicKey, Stream? previousArchive, CancellationToken cancellationToken)
    {
        using var document = await ParseAsync(archive, cancellationToken);
        var problems = new List<string>();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("digest", out var digestElement)
            || !root.TryGetProperty("signature", out var signatureElement)
            || !root.TryGetProperty("entries", out var entries)
            || entries.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("chain", out var chain)
            || chain.ValueKind != JsonValueKind.Array)
        {
            throw new AuditFormatException(
                "Not an audit archive: expected an object with digest, signature, entries and chain.");
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

        CheckEntries(digest, entries, chain, problems);
        if (previousArchive is not null)
        {
            await CheckPreviousAsync(digest, previousArchive, problems, cancellationToken);
        }

        return new AuditVerification(digest, problems);
    }

    /// <summary>
    /// Checks the entries against the signed digest: recomputed from the digest's first previous hash, they must end
    /// on its last chain hash. Then uses the archive's chain index to name the entries that differ.
    /// </summary>
    private static void CheckEntries(AuditDigest digest, JsonElement entries, JsonElement chain, List<string> problems)
    {
        var list = entries.EnumerateArray().ToList();
        var hash = Convert.FromHexString(digest.FirstEntry.PreviousHash);
        foreach (var entry in list)
        {
            hash = AuditChain.Next(hash, CanonicalJson.Serialize(entry));
        }

        if (list.Count != digest.Count)
        {
            problems.Add($"The archive contains {list.Count} entries where its digest names {digest.Count}.");
        }

        if (AuditChain.ToHex(hash) != digest.LastChainHash)
        {
            problems.Add("The entries do not hash to the chain hash that the digest signs: an entry was changed, "
                + "removed, inserted or moved.");
        }

        if (list.Count > 0 && (IdOf(list[0]) != digest.FirstEntry.Id || IdOf(list[^1]) != digest.LastEntry.Id))
        {
            problems.Add("The first or last entry is not the one the digest names: entries were removed or added "
                + "at an end, or come from another archive.");
        }

        NameDifferences(digest, list, ReadChainIndex(chain), problems);
    }

    /// <summary>
    /// Names each entry that differs from the chain index, by its number in the file and its position.
    /// </summary>
    private static void NameDifferences(
        AuditDigest digest, List<JsonElement> entries, List<AuditLink> index, List<string> problems)
    {
        var byId = index.GroupBy(link => link.Id).ToDictionary(group => group.Key, group => group.First());
        var byPosition = index.GroupBy(link => link.Position).ToDictionary(group => group.Key, group => group.First());
        if (index.Count > 0 && index[0].Position != digest.FirstEntry.Position)
        {
            problems.Add($"The chain starts at position {index[0].Position} where the digest names "
                + $"{digest.FirstEntry.Position}: the entries come from another archive.");
        }

        var seen = new HashSet<Guid>();
        long? previousPosition = null;
        for (var number = 1; number <= entries.Count; number++)
        {
            var entry = entries[number - 1];
            var id = IdOf(entry);
            if (!byId.TryGetValue(id, out var link))
            {
                problems.Add($"Entry {number} (id {id}) is not in the archive's chain: it was inserted.");
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add($"Entry {number} (id {id}) appears twice: a copy was inserted.");
                continue;
            }

            if (previousPosition is { } before && link.Position <= before)
            {
                problems.Add($"Entry {number} (position {link.Position}, id {id}) comes after position {before}: "
                    + "entries were reordered.");
            }

            var previousHash = link.Position == digest.FirstEntry.Position
                ? digest.FirstEntry.PreviousHash
                : byPosition.GetValueOrDefault(link.Position - 1)?.Hash;
            if (previousHash is not null && AuditChain.ToHex(
                AuditChain.Next(Convert.FromHexString(previousHash), CanonicalJson.Serialize(entry))) != link.Hash)
            {
                problems.Add($"Entry {number} (position {link.Position}, id {id}) was changed: its content does not "
                    + "match its hash.");
            }

            previousPosition = link.Position;
        }

        foreach (var link in index.Where(link => !seen.Contains(link.Id)))
        {
            problems.Add($"The entry at position {link.Position} (id {link.Id}) was removed.");
        }
    }

    private static Guid IdOf(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.TryGetGuid(out var parsed)
            ? parsed
            : Guid.Empty;

    private static List<AuditLink> ReadChainIndex(JsonElement chain)
    {
        try
        {
            return chain.EnumerateArray().Select(link => new AuditLink(
                link.GetProperty("id").GetGuid(),
                link.GetProperty("position").GetInt64(),
                "",
                link.GetProperty("hash").GetString() ?? "")).ToList();
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AuditFormatException($"The archive's chain is malformed: {error.Message}");
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
