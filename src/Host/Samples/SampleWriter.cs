using System.Text.Json;
using System.Text.Json.Serialization;
using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Samples;

/// <summary>Writes migration input as NDJSON in the snake_case shape that <c>./ledger migrate</c> reads.</summary>
public static class SampleWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>The options for one company per line: snake_case names, nulls written, dates in UTC.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new UtcDateTimeOffsetConverter() },
    };

    /// <summary>
    /// Writes one company per line as it is enumerated, so the batch is never held in memory. Does not close
    /// <paramref name="output"/>.
    /// </summary>
    public static async Task WriteNdjsonAsync(
        IEnumerable<CompanyInput> companies, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(output);

        foreach (var company in companies)
        {
            await JsonSerializer.SerializeAsync(output, company, Options, ct);
            await output.WriteAsync(NewLine, ct);
        }

        await output.FlushAsync(ct);
    }

    /// <summary>Writes dates as ISO 8601 in UTC ending in "Z" like the exports. The default writes "+00:00".</summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(
            ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime);
    }
}
