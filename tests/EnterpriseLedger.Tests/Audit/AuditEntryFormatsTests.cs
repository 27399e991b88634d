using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Projections.Audit;
using Shouldly;

namespace EnterpriseLedger.Tests.Audit;

/// <summary>
/// The JSON, NDJSON and CSV writers of audit entries, on entries built the way the audit projection builds them:
/// one by a user on a team, one by a process whose name contains a comma, quotes and a newline.
/// </summary>
public sealed class AuditEntryFormatsTests
{
    private static readonly Guid AccountId = Guid.Parse("0c6c2e4e-96a8-4f43-9b43-5b6a1c7a3d01");
    private static readonly Guid TeamId = Guid.Parse("5d1f5a0e-3f0b-4f4e-8d0c-3c1b0b6f7a02");
    private static readonly Guid UserId = Guid.Parse("9a1b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c03");
    private const string OddProcess = "ops,\"night\"\nrun";

    [Fact]
    public async Task json_is_array_of_exported_entries()
    {
        var rows = Rows();

        var (text, count) = await WriteAsync(rows, AuditExportFormat.Json);

        count.ShouldBe(2);
        var entries = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        entries.Count.ShouldBe(2);
        entries[0].GetRawText().ShouldBe(Json(rows[0]));
        entries[1].GetRawText().ShouldBe(Json(rows[1]));
        entries[1].GetRawText().ShouldBe(rows[1].Body);
        entries[1].TryGetProperty("chain", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task json_without_entries_is_empty_array()
    {
        var (text, count) = await WriteAsync([], AuditExportFormat.Json);

        count.ShouldBe(0);
        JsonDocument.Parse(text).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ndjson_has_one_entry_per_line()
    {
        var rows = Rows();

        var (text, _) = await WriteAsync(rows, AuditExportFormat.Ndjson);

        text.ShouldEndWith("\n");
        text.TrimEnd('\n').Split('\n').ShouldBe([Json(rows[0]), Json(rows[1])]);
    }

    [Fact]
    public async Task csv_has_header_and_one_record_per_entry()
    {
        var rows = Rows();

        var (text, _) = await WriteAsync(rows, AuditExportFormat.Csv);

        var records = ParseCsv(text);
        records.Count.ShouldBe(3);
        records[0].ShouldBe(AuditEntryFormats.CsvColumns);
        var first = Columns(records[1]);
        first["position"].ShouldBe("1");
        first["created_at"].ShouldBe("2026-11-30T08:15:00Z");
        first["id"].ShouldBe(JsonDocument.Parse(rows[0].Body).RootElement.GetProperty("id").GetString());
        first["type"].ShouldBe("team_member");
        first["action"].ShouldBe("assign");
        first["actor"].ShouldBe("ana@northwind.test");
        first["team"].ShouldBe("platform");
        first["ip_address"].ShouldBe("127.0.0.1");
        first["request_id"].ShouldBe("req-1");
        first["data"].ShouldBe("""{"role":"admin","user":{"email":"cy@northwind.test","id":"x, \"y\""}}""");
        first["hash"].ShouldBe(Convert.ToHexStringLower(rows[0].Hash));
    }

    [Fact]
    public async Task csv_quotes_commas_quotes_and_newlines()
    {
        var (text, _) = await WriteAsync(Rows(), AuditExportFormat.Csv);

        text.ShouldContain("\"ops,\"\"night\"\"\nrun\"");
        text.ShouldContain("\"{\"\"role\"\":\"\"admin\"\"");
        Columns(ParseCsv(text)[2])["actor"].ShouldBe(OddProcess);
    }

    [Fact]
    public async Task csv_shows_team_id_without_name()
    {
        var (text, _) = await WriteAsync(Rows(), AuditExportFormat.Csv);

        var second = Columns(ParseCsv(text)[2]);
        second["team"].ShouldBe(TeamId.ToString());
        second["ip_address"].ShouldBe("");
        second["request_id"].ShouldBe("");
        second["data"].ShouldBe("{}");
    }

    [Fact]
    public async Task csv_records_end_in_crlf()
    {
        var (text, _) = await WriteAsync(Rows(), AuditExportFormat.Csv);

        text.ShouldStartWith(string.Join(',', AuditEntryFormats.CsvColumns) + "\r\n");
        text.ShouldEndWith("\r\n");
    }

    [Theory]
    [InlineData(AuditExportFormat.Json)]
    [InlineData(AuditExportFormat.Ndjson)]
    [InlineData(AuditExportFormat.Csv)]
    public async Task output_has_no_byte_order_mark(AuditExportFormat format)
    {
        using var output = new MemoryStream();

        await AuditEntryFormats.WriteAsync(output, Async(Rows()), format, CancellationToken.None);

        output.ToArray()[..3].ShouldNotBe(Encoding.UTF8.Preamble.ToArray());
    }

    /// <summary>ASP.NET Core's response body throws on synchronous writes, so the writer must never make one.</summary>
    [Theory]
    [InlineData(AuditExportFormat.Json)]
    [InlineData(AuditExportFormat.Ndjson)]
    [InlineData(AuditExportFormat.Csv)]
    public async Task writer_never_writes_synchronously(AuditExportFormat format)
    {
        var rows = Enumerable.Range(0, 400).SelectMany(_ => Rows()).ToList();
        await using var output = new AsyncOnlyStream();

        var count = await AuditEntryFormats.WriteAsync(output, Async(rows), format, CancellationToken.None);

        count.ShouldBe(800);
        output.Length.ShouldBeGreaterThan(1 << 17);
    }

    [Fact]
    public async Task first_entry_leaves_before_the_rest_is_read()
    {
        using var output = new MemoryStream();
        var lengthAtSecondRead = -1L;

        async IAsyncEnumerable<AuditEntryRow> Observed([EnumeratorCancellation] CancellationToken token = default)
        {
            var rows = Rows();
            yield return rows[0];
            await Task.Yield();
            lengthAtSecondRead = output.Length;
            yield return rows[1];
        }

        await AuditEntryFormats.WriteAsync(output, Observed(), AuditExportFormat.Ndjson, CancellationToken.None);

        lengthAtSecondRead.ShouldBe(Json(Rows()[0]).Length + 1);
    }

    [Theory]
    [InlineData("json", AuditExportFormat.Json)]
    [InlineData("ndjson", AuditExportFormat.Ndjson)]
    [InlineData("csv", AuditExportFormat.Csv)]
    public void format_names_parse(string name, AuditExportFormat expected)
    {
        AuditEntryFormats.TryParse(name, out var format).ShouldBeTrue();

        format.ShouldBe(expected);
        AuditEntryFormats.NameOf(format).ShouldBe(name);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("xml")]
    [InlineData("")]
    [InlineData(null)]
    public void other_format_names_are_rejected(string? name)
    {
        AuditEntryFormats.TryParse(name, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("application/json", AuditExportFormat.Json)]
    [InlineData("Application/X-NDJSON", AuditExportFormat.Ndjson)]
    [InlineData("text/csv", AuditExportFormat.Csv)]
    [InlineData("text/html", null)]
    public void media_types_map_to_formats(string mediaType, AuditExportFormat? expected)
    {
        AuditEntryFormats.FromMediaType(mediaType).ShouldBe(expected);
    }

    /// <summary>Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes, CR and LF.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (quoted)
            {
                if (character != '"')
                {
                    field.Append(character);
                }
                else if (index + 1 < text.Length && text[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (character)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when index + 1 < text.Length && text[index + 1] == '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    index++;
                    break;
                case '"' or '\r' or '\n':
                    throw new FormatException($"Unquoted {(int)character} at offset {index} of the CSV.");
                default:
                    field.Append(character);
                    break;
            }
        }

        quoted.ShouldBeFalse("The CSV ends inside a quoted field.");
        (record.Count == 0 && field.Length == 0).ShouldBeTrue("The CSV's last record does not end in CRLF.");
        return records;
    }

    private static string Json(AuditEntryRow row)
    {
        var entry = new StringBuilder();
        AuditEntryFormats.AppendJson(entry, row);
        return entry.ToString();
    }

    private static Dictionary<string, string> Columns(List<string> record)
    {
        record.Count.ShouldBe(AuditEntryFormats.CsvColumns.Count);
        return AuditEntryFormats.CsvColumns.Zip(record).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private static async Task<(string Text, long Count)> WriteAsync(
        IReadOnlyList<AuditEntryRow> rows, AuditExportFormat format)
    {
        using var output = new MemoryStream();
        var count = await AuditEntryFormats.WriteAsync(output, Async(rows), format, CancellationToken.None);
        return (Encoding.UTF8.GetString(output.ToArray()), count);
    }

    /// <summary>
    /// Two chained entries: cy's role assignment by ana on the team platform, from 127.0.0.1, and a team entry by
    /// a process, on a team whose name is unknown, without request details.
    /// </summary>
    private static List<AuditEntryRow> Rows()
    {
        var assigned = new AuditEntryDraft(
            AccountId, Guid.Parse("01938a4e-0000-7000-8000-000000000001"), "team_member", "assign",
            new JsonObject { ["id"] = UserId.ToString(), ["email"] = "ana@northwind.test" },
            TeamId, "platform",
            new JsonObject { ["ip_address"] = "127.0.0.1", ["request_id"] = "req-1" },
            new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "x, \"y\"", ["email"] = "cy@northwind.test" },
                ["role"] = "admin",
            });
        var deleted = new AuditEntryDraft(
            AccountId, Guid.Parse("01938a4e-0000-7000-8000-000000000002"), "team", "delete",
            new JsonObject { ["name"] = OddProcess }, TeamId, null, [], []);

        var first = Row(1, AuditChain.Genesis, AuditEntryBody.Build(assigned, "northwind", "platform"));
        var second = Row(2, first.Hash, AuditEntryBody.Build(deleted, "northwind", null));
        return [first, second];
    }

    private static AuditEntryRow Row(long position, byte[] previousHash, AuditEntryBody body)
    {
        var json = body.Join(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero));
        var hash = AuditChain.Next(previousHash, Encoding.UTF8.GetBytes(json));
        return new AuditEntryRow(position, json, previousHash, hash);
    }

    private static async IAsyncEnumerable<AuditEntryRow> Async(IEnumerable<AuditEntryRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>A memory stream that, like ASP.NET Core's response body, rejects synchronous writes.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written.Length;

        public override long Position
        {
            get => _written.Position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => throw SynchronousWrite();

        public override void Write(ReadOnlySpan<byte> buffer) => throw SynchronousWrite();

        public override void Flush() => throw SynchronousWrite();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _written.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(
            ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _written.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _written.Dispose();
            }

            base.Dispose(disposing);
        }

        private static InvalidOperationException SynchronousWrite() => new("Synchronous writes are not allowed.");
    }
}
