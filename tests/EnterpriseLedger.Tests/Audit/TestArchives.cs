using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Audit;

namespace EnterpriseLedger.Tests.Audit;

/// <summary>
/// Builds signed audit archives in memory, chained the way the database chains them, for verifier tests.
/// </summary>
internal static class TestArchives
{
    public static readonly Guid AccountId = Guid.Parse("a0000000-0000-4000-8000-0000000000a1");

    /// <summary>Returns consecutive months of archives with <paramref name="entriesPerMonth"/> entries each.</summary>
    public static IReadOnlyList<string> Months(ECDsa key, int months, int entriesPerMonth)
    {
        var archives = new List<string>();
        var previousHash = AuditChain.Genesis;
        long position = 0;
        AuditDigest? previousDigest = null;
        for (var month = 1; month <= months; month++)
        {
            var period = new AuditPeriod(2026, month);
            var rows = new List<(string Body, AuditLink Link)>();
            for (var index = 0; index < entriesPerMonth; index++)
            {
                position++;
                var body = Entry(period, position);
                var hash = AuditChain.Next(previousHash, Encoding.UTF8.GetBytes(body));
                rows.Add((body, new AuditLink(IdAt(position), position, AuditChain.ToHex(previousHash), AuditChain.ToHex(hash))));
                previousHash = hash;
            }

            var digest = new AuditDigest(
                AccountId, period, rows.Count, rows[0].Link, rows[^1].Link, previousDigest?.Period,
                previousDigest?.Sha256());
            var signature = AuditSignature.Sign(key, digest.ToCanonicalBytes());
            archives.Add(Write(
                digest.ToCanonicalString(),
                signature.ToCanonicalString(),
                rows.Select(row => row.Body),
                rows.Select(row => Chain(row.Link))));
            previousDigest = digest;
        }

        return archives;
    }

    public static string Write(string digest, string signature, IEnumerable<string> entries, IEnumerable<string> chain) =>
        $"{{\"digest\":{digest},\"signature\":{signature},\"entries\":[\n{string.Join(",\n", entries)}\n],"
        + $"\"chain\":[\n{string.Join(",\n", chain)}\n]}}\n";

    /// <summary>Splits an archive into its digest, signature and entry lines, to take it apart in a test.</summary>
    public static (string Digest, string Signature, List<string> Entries, List<string> Chain) Parts(string archive)
    {
        using var document = JsonDocument.Parse(archive);
        var root = document.RootElement;
        return (
            root.GetProperty("digest").GetRawText(),
            root.GetProperty("signature").GetRawText(),
            root.GetProperty("entries").EnumerateArray().Select(entry => entry.GetRawText()).ToList(),
            root.GetProperty("chain").EnumerateArray().Select(link => link.GetRawText()).ToList());
    }

    public static async Task<AuditVerification> VerifyAsync(string archive, ECDsa key, string? previous = null)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(archive));
        using var before = previous is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(previous));
        return await AuditVerifier.VerifyAsync(input, key, before, CancellationToken.None);
    }

    private static string Entry(AuditPeriod period, long position)
    {
        var entry = new JsonObject
        {
            ["id"] = IdAt(position).ToString(),
            ["type"] = "enterprise_account_member",
            ["action"] = "grant",
            ["actor"] = new JsonObject { ["email"] = "ann@acme.test", ["id"] = Guid.Empty.ToString() },
            ["created_at"] = $"{period}-02T10:00:{position % 60:D2}Z",
            ["data"] = new JsonObject { ["permission"] = "billing", ["user"] = $"user{position}@acme.test" },
            ["enterprise_account"] = new JsonObject { ["id"] = AccountId.ToString(), ["name"] = "acme" },
            ["request"] = new JsonObject { ["ip_address"] = "127.0.0.1" },
        };
        return CanonicalJson.SerializeToString(JsonSerializer.SerializeToElement(entry));
    }

    private static Guid IdAt(long position) => new($"00000000-0000-4000-8000-{position:D12}");

    private static string Chain(AuditLink link)
    {
        var builder = new StringBuilder();
        AuditChainLink.Append(builder, link);
        return builder.ToString();
    }
}
