using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Domain.Audit;
using Shouldly;
using static EnterpriseLedger.Tests.Audit.TestArchives;

namespace EnterpriseLedger.Tests.Audit;

public sealed class AuditVerifierTests : IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly IReadOnlyList<string> _months;

    public AuditVerifierTests()
    {
        _months = Months(_key, months: 2, entriesPerMonth: 5);
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task intact_archive_verifies()
    {
        var result = await VerifyAsync(_months[0], _key);

        result.Problems.ShouldBeEmpty();
        result.Digest.ShouldNotBeNull().Count.ShouldBe(5);
    }

    [Fact]
    public async Task gzipped_archive_verifies()
    {
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(_months[0]));
        }

        zipped.Position = 0;
        var result = await AuditVerifier.VerifyAsync(zipped, _key, null, CancellationToken.None);

        result.Holds.ShouldBeTrue();
    }

    [Fact]
    public async Task reformatted_archive_verifies()
    {
        using var document = System.Text.Json.JsonDocument.Parse(_months[0]);
        var indented = System.Text.Json.JsonSerializer.Serialize(document.RootElement, Indented);

        var result = await VerifyAsync(indented, _key);

        result.Holds.ShouldBeTrue();
    }

    [Fact]
    public async Task one_changed_byte_fails()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        entries[2] = entries[2].Replace("user3@acme.test", "user3@acme.tesu", StringComparison.Ordinal);

        var result = await VerifyAsync(Write(digest, signature, entries, chain), _key);

        result.Holds.ShouldBeFalse();
        result.Problems.ShouldContain(problem => problem.Contains("Entry 3 (position 3", StringComparison.Ordinal)
            && problem.Contains("was changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task dropped_entry_fails()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        entries.RemoveAt(1);

        var result = await VerifyAsync(Write(digest, signature, entries, chain), _key);

        result.Holds.ShouldBeFalse();
        result.Problems.ShouldContain(problem => problem.Contains("position 2", StringComparison.Ordinal)
            && problem.Contains("was removed", StringComparison.Ordinal));
        result.Problems.ShouldContain(problem => problem.Contains("contains 4 entries where its digest names 5",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task dropped_last_entry_fails()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        entries.RemoveAt(entries.Count - 1);

        var result = await VerifyAsync(Write(digest, signature, entries, chain), _key);

        result.Holds.ShouldBeFalse();
        result.Problems.ShouldContain(problem => problem.Contains("position 5", StringComparison.Ordinal)
            && problem.Contains("was removed", StringComparison.Ordinal));
        result.Problems.ShouldContain(problem => problem.Contains("first or last entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task swapped_entries_fail()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        var result = await VerifyAsync(Write(digest, signature, entries, chain), _key);

        result.Holds.ShouldBeFalse();
        result.Problems.ShouldContain(problem => problem.Contains("Entry 3 (position 2", StringComparison.Ordinal)
            && problem.Contains("entries were reordered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task inserted_entry_fails()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        entries.Insert(2, entries[2]);

        var result = await VerifyAsync(Write(digest, signature, entries, chain), _key);

        result.Holds.ShouldBeFalse();
        result.Problems.ShouldContain(problem => problem.Contains("Entry 4", StringComparison.Ordinal)
            && problem.Contains("appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task spliced_archives_fail()
    {
        var (digest, signature, _, _) = Parts(_months[1]);
        var (_, _, earlierEntries, earlierChain) = Parts(_months[0]);

        var result = await VerifyAsync(Write(digest, signature, earlierEntries, earlierChain), _key);

        result.Holds.ShouldBeFalse();
        result.Problems.ShouldContain(problem => problem.Contains("starts at position 1 where the digest names 6",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task changed_digest_breaks_signature()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        var altered = digest.Replace("\"count\":5", "\"count\":4", StringComparison.Ordinal);

        var result = await VerifyAsync(Write(altered, signature, entries, chain), _key);

        result.Problems.ShouldContain(problem => problem.StartsWith("Bad signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task other_key_fails()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await VerifyAsync(_months[0], other);

        result.Problems.ShouldContain(problem => problem.Contains("not with the given key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task previous_archive_links()
    {
        var result = await VerifyAsync(_months[1], _key, previous: _months[0]);

        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task wrong_previous_archive_fails()
    {
        var other = Months(_key, months: 1, entriesPerMonth: 4)[0];

        var result = await VerifyAsync(_months[1], _key, previous: other);

        result.Problems.ShouldContain(problem => problem.StartsWith("Broken link to the previous archive",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task duplicate_member_is_a_format_error()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        entries[0] = "{\"type\":\"x\"," + entries[0][1..];

        await Should.ThrowAsync<AuditFormatException>(() => VerifyAsync(Write(digest, signature, entries, chain), _key));
    }

    [Fact]
    public async Task number_id_fails_without_crashing()
    {
        var (digest, signature, entries, chain) = Parts(_months[0]);
        entries[0] = System.Text.RegularExpressions.Regex.Replace(entries[0], "\"id\":\"[0-9a-f-]+\"", "\"id\":1");

        var result = await VerifyAsync(Write(digest, signature, entries, chain), _key);

        result.Holds.ShouldBeFalse();
    }

    [Fact]
    public async Task not_json_is_a_format_error()
    {
        await Should.ThrowAsync<AuditFormatException>(() => VerifyAsync("{\"entries\": [", _key));
    }
}
