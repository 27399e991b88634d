using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain.Audit;

namespace EnterpriseLedger.Projections.Audit;

/// <summary>
/// An entry's canonical JSON around the one value the database fills in, <c>created_at</c>: the database joins
/// <see cref="Prefix"/>, the time and <see cref="Suffix"/>, and the result is the canonical JSON that is hashed.
/// </summary>
public sealed record AuditEntryBody(string Prefix, string Suffix)
{
    private const string TimeMember = "\"created_at\":\"\"";

    /// <summary>The time format of <c>created_at</c>, as .NET and as PostgreSQL's <c>to_char</c> write it.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public const string PostgresTimeFormat = "YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"";

    public string Join(DateTimeOffset createdAt) =>
        Prefix + createdAt.UtcDateTime.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture) + Suffix;

    public static AuditEntryBody Build(AuditEntryDraft draft, string? accountName, string? teamName)
    {
        var entry = new JsonObject
        {
            ["id"] = draft.EventId.ToString(),
            ["type"] = draft.Type,
            ["action"] = draft.Action,
            ["actor"] = draft.Actor.DeepClone(),
            ["enterprise_account"] = new JsonObject { ["id"] = draft.AccountId.ToString(), ["name"] = accountName },
            ["request"] = draft.Request.DeepClone(),
            ["data"] = WithoutNulls(draft.Data),
            ["created_at"] = "",
        };
        if (draft.TeamId is { } teamId)
        {
            entry["team"] = new JsonObject { ["id"] = teamId.ToString(), ["name"] = teamName };
        }

        var canonical = CanonicalJson.SerializeToString(JsonSerializer.SerializeToElement(WithoutNulls(entry)));

        // Quotes inside strings are escaped and created_at is a top-level member with no nested namesake, so this
        // unescaped text occurs once: at the member itself.
        var at = canonical.IndexOf(TimeMember, StringComparison.Ordinal);
        var valueStart = at + TimeMember.Length - 1;
        return new AuditEntryBody(canonical[..valueStart], canonical[valueStart..]);
    }

    /// <summary>
    /// Drops null members, so that an entry omits what it does not know instead of writing null.
    /// </summary>
    private static JsonObject WithoutNulls(JsonObject value)
    {
        var copy = new JsonObject();
        foreach (var (name, member) in value)
        {
            switch (member)
            {
                case null:
                    break;
                case JsonObject nested:
                    copy[name] = WithoutNulls(nested);
                    break;
                default:
                    copy[name] = member.DeepClone();
                    break;
            }
        }

        return copy;
    }
}
