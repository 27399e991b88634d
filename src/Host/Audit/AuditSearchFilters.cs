using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EnterpriseLedger.Host.Audit;

/// <summary>
/// The filters of an audit log search. Each one that is set narrows the result, and null matches every entry.
/// </summary>
/// <param name="Actor">
/// The actor's email, compared case-insensitively when the value contains <c>@</c>, else a process name such as
/// <c>system:migration</c>, compared exactly.
/// </param>
/// <param name="Team">
/// A team's id, or a team name. A name matches the entries of every team of the account that had that name when
/// one of its entries was written, so a team's entries from before a rename match its old name too.
/// </param>
/// <param name="Since">The earliest <c>created_at</c> that matches, inclusive.</param>
/// <param name="Until">The <c>created_at</c> from which no entry matches, exclusive.</param>
public sealed record AuditSearchFilters(
    string? Actor, string? Action, string? Type, string? Team, DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static AuditSearchFilters None { get; } = new(null, null, null, null, null, null);

    public bool ActorIsEmail => Actor?.Contains('@', StringComparison.Ordinal) == true;

    /// <summary>
    /// Returns the first 8 bytes of a SHA-256 over the filters. A cursor carries it, so that a search with other
    /// filters rejects the cursor instead of continuing at a position that meant something else.
    /// </summary>
    public ulong Fingerprint()
    {
        string?[] values =
        [
            ActorIsEmail ? Actor?.ToUpperInvariant() : Actor,
            Action,
            Type,
            Team,
            Since?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Until?.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ];
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values)));
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
