using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>The first or last entry of an archive, as its digest names it.</summary>
public sealed record AuditLink(Guid Id, long Position, string PreviousHash, string Hash);

/// <summary>
/// The content an archive's signature covers: the account, the month, the first and last entry, the number of
/// entries and the chain hash after the last entry. It also contains the SHA-256 of the previous archive's digest,
/// which links the archives of an account into a chain of their own.
/// </summary>
public sealed record AuditDigest(
    Guid AccountId,
    AuditPeriod Period,
    long Count,
    AuditLink FirstEntry,
    AuditLink LastEntry,
    AuditPeriod? PreviousPeriod,
    string? PreviousDigestSha256)
{
    public string LastChainHash => LastEntry.Hash;

    public JsonObject ToJson()
    {
        var digest = new JsonObject
        {
            ["enterprise_account"] = new JsonObject { ["id"] = AccountId.ToString() },
            ["period"] = Period.ToString(),
            ["count"] = Count,
            ["first_entry"] = Link(FirstEntry),
            ["last_entry"] = Link(LastEntry),
            ["last_chain_hash"] = LastChainHash,
        };
        if (PreviousPeriod is { } previous)
        {
            digest["previous_archive"] = new JsonObject
            {
                ["period"] = previous.ToString(),
                ["digest_sha256"] = PreviousDigestSha256,
            };
        }

        return digest;
    }

    /// <summary>Returns the canonical JSON that the signature covers.</summary>
    public byte[] ToCanonicalBytes() => CanonicalJson.Serialize(JsonSerializer.SerializeToElement(ToJson()));

    public string ToCanonicalString() => Encoding.UTF8.GetString(ToCanonicalBytes());

    /// <summary>Returns the hex SHA-256 of the canonical digest, which the next archive names.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(ToCanonicalBytes()));

    /// <exception cref="AuditFormatException">A member is missing or has the wrong type.</exception>
    public static AuditDigest Parse(JsonElement digest)
    {
        try
        {
            var previous = digest.TryGetProperty("previous_archive", out var link) ? link : (JsonElement?)null;
            return new AuditDigest(
                digest.GetProperty("enterprise_account").GetProperty("id").GetGuid(),
                AuditPeriod.Parse(digest.GetProperty("period").GetString() ?? ""),
                digest.GetProperty("count").GetInt64(),
                ParseLink(digest.GetProperty("first_entry")),
                ParseLink(digest.GetProperty("last_entry")),
                previous is { } p ? AuditPeriod.Parse(p.GetProperty("period").GetString() ?? "") : null,
                previous?.GetProperty("digest_sha256").GetString());
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AuditFormatException($"The archive's digest is malformed: {error.Message}");
        }
    }

    private static JsonObject Link(AuditLink link) => new()
    {
        ["id"] = link.Id.ToString(),
        ["position"] = link.Position,
        ["previous_hash"] = link.PreviousHash,
        ["hash"] = link.Hash,
    };

    private static AuditLink ParseLink(JsonElement link) => new(
        link.GetProperty("id").GetGuid(),
        link.GetProperty("position").GetInt64(),
        link.GetProperty("previous_hash").GetString() ?? "",
        link.GetProperty("hash").GetString() ?? "");
}

/// <summary>
/// The error for an archive or entry that is not in the audit format at all, as opposed to one that fails verification.
/// </summary>
public sealed class AuditFormatException(string message) : Exception(message);
