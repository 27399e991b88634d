using System.Globalization;
using System.Text;

namespace EnterpriseLedger.Host.Audit;

/// <summary>One stored audit entry: its canonical JSON as hashed, and its link in the account's chain.</summary>
public sealed record AuditEntryRow(long Position, string Body, byte[] PreviousHash, byte[] Hash)
{
    /// <summary>
    /// Appends the entry as exported: the canonical JSON with a <c>chain</c> member in front that holds the position
    /// and both hashes. Verifiers drop <c>chain</c> and hash the rest in canonical form.
    /// </summary>
    public void AppendJson(StringBuilder builder)
    {
        builder.Append("{\"chain\":{\"position\":")
            .Append(Position.ToString(CultureInfo.InvariantCulture))
            .Append(",\"previous_hash\":\"")
            .Append(Convert.ToHexStringLower(PreviousHash))
            .Append("\",\"hash\":\"")
            .Append(Convert.ToHexStringLower(Hash))
            .Append("\"},")
            .Append(Body.AsSpan(1));
    }

    public string ToJson()
    {
        var builder = new StringBuilder(Body.Length + 200);
        AppendJson(builder);
        return builder.ToString();
    }
}
