using System.Globalization;
using System.Text;
using EnterpriseLedger.Domain.Audit;

namespace EnterpriseLedger.Host.Audit;

/// <summary>One stored audit entry: its canonical JSON as hashed, and its link in the account's chain.</summary>
public sealed record AuditEntryRow(long Position, string Body, byte[] PreviousHash, byte[] Hash);

/// <summary>
/// An entry's place in the chain as archives list it after the entries:
/// <c>{"position":n,"id":"...","hash":"..."}</c>.
/// </summary>
public static class AuditChainLink
{
    public static void Append(StringBuilder builder, AuditLink link) =>
        builder.Append("{\"position\":")
            .Append(link.Position.ToString(CultureInfo.InvariantCulture))
            .Append(",\"id\":\"")
            .Append(link.Id.ToString())
            .Append("\",\"hash\":\"")
            .Append(link.Hash)
            .Append("\"}");
}
