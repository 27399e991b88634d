using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EnterpriseLedger.Host.Audit;

/// <summary>The forms in which audit entries are exported.</summary>
public enum AuditExportFormat
{
    /// <summary>A JSON array of entries, each as <see cref="AuditEntryFormats.AppendJson"/> writes it.</summary>
    Json,

    /// <summary>Newline-delimited JSON: one entry per line, in the form of <see cref="Json"/>.</summary>
    Ndjson,

    /// <summary>RFC 4180 CSV with a header row of <see cref="AuditEntryFormats.CsvColumns"/>.</summary>
    Csv,
}

/// <summary>
/// Writes audit entries as JSON, NDJSON or CSV, one entry at a time, for the HTTP search and the command line.
/// </summary>
public static class AuditEntryFormats
{
    public const string JsonMediaType = "application/json";
    public const string NdjsonMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly SearchValues<char> CsvSpecialCharacters = SearchValues.Create(",\"\r\n");

    /// <summary>The names of the formats, as <see cref="TryParse"/> reads them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "ndjson", "csv"];

    /// <summary>
    /// The CSV columns. <c>actor</c> is the actor's email, else its name, else its id, and <c>team</c> is the team's
    /// name, else its id. <c>data</c> is the entry's <c>data</c> object as compact JSON, and <c>hash</c> is hex.
    /// </summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "position", "created_at", "id", "type", "action", "actor", "team", "ip_address", "request_id", "data", "hash",
    ];

    /// <summary>Reads a format name: <c>json</c>, <c>ndjson</c> or <c>csv</c>, in lower case.</summary>
    public static bool TryParse(string? name, out AuditExportFormat format)
    {
        AuditExportFormat? parsed = name switch
        {
            "json" => AuditExportFormat.Json,
            "ndjson" => AuditExportFormat.Ndjson,
            "csv" => AuditExportFormat.Csv,
            _ => null,
        };
        format = parsed ?? AuditExportFormat.Json;
        return parsed is not null;
    }

    public static string NameOf(AuditExportFormat format) => Names[(int)format];

    /// <summary>Returns the format of a media type such as <c>application/json</c>, or null for others.</summary>
    public static AuditExportFormat? FromMediaType(string mediaType) => mediaType.ToUpperInvariant() switch
    {
        "APPLICATION/JSON" => AuditExportFormat.Json,
        "APPLICATION/X-NDJSON" => AuditExportFormat.Ndjson,
        "TEXT/CSV" => AuditExportFormat.Csv,
        _ => null,
    };

    /// <summary>Returns the Content-Type of a format, with its UTF-8 charset.</summary>
    public static string ContentTypeOf(AuditExportFormat format) => format switch
    {
        AuditExportFormat.Ndjson => $"{NdjsonMediaType}; charset=utf-8",
        AuditExportFormat.Csv => $"{CsvMediaType}; charset=utf-8; header=present",
        _ => $"{JsonMediaType}; charset=utf-8",
    };

    /// <summary>
    /// Writes the rows to <paramref name="output"/> as UTF-8 without a byte order mark, and returns how many it
    /// wrote. Each entry is formatted in memory and then written asynchronously, so memory contains one entry at a
    /// time and no write to the output is synchronous, because ASP.NET Core's response body rejects those. The output is
    /// flushed after the first entry, so that its bytes leave early, and at the end. The output is left open.
    /// </summary>
    public static async Task<long> WriteAsync(
        Stream output, IAsyncEnumerable<AuditEntryRow> rows, AuditExportFormat format,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true);
        var entry = new StringBuilder(4096);

        await writer.WriteAsync(Opening(format));
        var count = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            entry.Clear();
            AppendEntry(entry, row, format, first: count == 0);
            await writer.WriteAsync(entry, cancellationToken);
            count++;
            if (count == 1)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.WriteAsync(Closing(format, count));
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Appends one entry as JSON, exactly in Heroku's <c>audit-trail-event</c> shape: its canonical body, the bytes
    /// that its chain hash covers. Positions and hashes are in the CSV columns and in archives.
    /// </summary>
    public static void AppendJson(StringBuilder entry, AuditEntryRow row) => entry.Append(row.Body);

    /// <summary>
    /// Appends one entry as a CSV record, ending in CRLF. The body's members are read in one pass of
    /// <see cref="Utf8JsonReader"/>, without building a document.
    /// </summary>
    /// <remarks>
    /// NOTE: values are written as stored. A spreadsheet may run a value that starts with <c>=</c>, <c>+</c>,
    /// <c>-</c> or <c>@</c> as a formula, such as a team name chosen by a member.
    /// </remarks>
    public static void AppendCsvRecord(StringBuilder record, AuditEntryRow row)
    {
        var body = BodyFields.Read(row.Body);
        string?[] fields =
        [
            row.Position.ToString(CultureInfo.InvariantCulture),
            body.CreatedAt,
            body.Id,
            body.Type,
            body.Action,
            body.ActorEmail ?? body.ActorName ?? body.ActorId,
            body.TeamName ?? body.TeamId,
            body.IpAddress,
            body.RequestId,
            body.Data,
            Convert.ToHexStringLower(row.Hash),
        ];
        AppendCsvFields(record, fields);
    }

    private static string Opening(AuditExportFormat format) => format switch
    {
        AuditExportFormat.Json => "[",
        AuditExportFormat.Csv => string.Join(',', CsvColumns) + "\r\n",
        _ => "",
    };

    private static string Closing(AuditExportFormat format, long count) => format switch
    {
        AuditExportFormat.Json => count == 0 ? "]\n" : "\n]\n",
        _ => "",
    };

    private static void AppendEntry(StringBuilder entry, AuditEntryRow row, AuditExportFormat format, bool first)
    {
        switch (format)
        {
            case AuditExportFormat.Json:
                entry.Append(first ? "\n" : ",\n");
                AppendJson(entry, row);
                break;
            case AuditExportFormat.Ndjson:
                AppendJson(entry, row);
                entry.Append('\n');
                break;
            default:
                AppendCsvRecord(entry, row);
                break;
        }
    }

    /// <summary>
    /// Appends the fields, quoting those that contain a comma, a quote, CR or LF and doubling their quotes, as
    /// RFC 4180 requires. A null field is empty.
    /// </summary>
    private static void AppendCsvFields(StringBuilder record, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                record.Append(',');
            }

            first = false;
            if (field is null || field.AsSpan().IndexOfAny(CsvSpecialCharacters) < 0)
            {
                record.Append(field);
                continue;
            }

            record.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        record.Append("\r\n");
    }

    /// <summary>The members of an entry's body that the CSV columns show.</summary>
    private sealed class BodyFields
    {
        // Fields rather than properties: this private class only carries the values from the reader to one record.
        public string? CreatedAt, Id, Type, Action, ActorEmail, ActorName, ActorId;

        public string? TeamName, TeamId, IpAddress, RequestId;

        /// <summary>The <c>data</c> member's JSON as stored, which is compact because bodies are canonical.</summary>
        public string? Data;

        public static BodyFields Read(string body)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(body.Length));
            try
            {
                var json = buffer.AsSpan(0, Utf8.GetBytes(body, buffer));
                var fields = new BodyFields();
                var reader = new Utf8JsonReader(json);
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString() ?? "";
                    reader.Read();
                    if (name == "data")
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        fields.Data = Utf8.GetString(json[start..(int)reader.BytesConsumed]);
                    }
                    else if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        fields.ReadObject(ref reader, name);
                    }
                    else
                    {
                        fields.Set("", name, ref reader);
                    }
                }

                return fields;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void ReadObject(ref Utf8JsonReader reader, string objectName)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? "";
                reader.Read();
                Set(objectName, name, ref reader);
            }
        }

        /// <summary>Keeps the value at the reader if it is a string that a column shows, else skips it.</summary>
        private void Set(string objectName, string name, ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                return;
            }

            var value = reader.GetString();
            switch ((objectName, name))
            {
                case ("", "created_at"): CreatedAt = value; break;
                case ("", "id"): Id = value; break;
                case ("", "type"): Type = value; break;
                case ("", "action"): Action = value; break;
                case ("actor", "email"): ActorEmail = value; break;
                case ("actor", "name"): ActorName = value; break;
                case ("actor", "id"): ActorId = value; break;
                case ("team", "name"): TeamName = value; break;
                case ("team", "id"): TeamId = value; break;
                case ("request", "ip_address"): IpAddress = value; break;
                case ("request", "request_id"): RequestId = value; break;
            }
        }
    }
}
