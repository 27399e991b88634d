using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EnterpriseLedger.Projections.Audit;

namespace EnterpriseLedger.AuditBench;

/// <summary>
/// The canonical JSON of one kind of entry, as the ledger's <see cref="AuditEntryBody"/> builds it, with slots for
/// the values that change from entry to entry. Filling the slots is much cheaper than building each body anew, and
/// gives the same bytes, because canonical JSON orders members by name, never by value.
/// </summary>
internal sealed partial class EntryTemplate
{
    /// <summary>The slots, in the order of the values that <see cref="Render"/> takes.</summary>
    public static readonly IReadOnlyList<string> Slots =
        ["id", "created_at", "actor_id", "actor_email", "user_id", "user_email", "ip_address", "request_id"];

    // Stands for the entry's id, which the draft takes as a Guid rather than as text.
    private static readonly Guid IdMarker = new("5107a11d-0000-4000-8000-00000000beef");

    private readonly (string Literal, int Slot)[] _segments;

    private EntryTemplate((string Literal, int Slot)[] segments)
    {
        _segments = segments;
    }

    /// <summary>Builds the template of a permission change: <c>grant</c> or <c>revoke</c> of one permission.</summary>
    public static EntryTemplate PermissionChange(
        BenchAccount account, string action, string permission, IReadOnlyList<string> before,
        IReadOnlyList<string> after)
    {
        var data = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = Slot("user_id"), ["email"] = Slot("user_email") },
            ["permission"] = permission,
            ["permissions_before"] = new JsonArray([.. before.Select(name => (JsonNode?)name)]),
            ["permissions_after"] = new JsonArray([.. after.Select(name => (JsonNode?)name)]),
        };
        var draft = new AuditEntryDraft(
            account.Id,
            IdMarker,
            "enterprise_account_member",
            action,
            new JsonObject { ["id"] = Slot("actor_id"), ["email"] = Slot("actor_email") },
            null,
            null,
            new JsonObject { ["ip_address"] = Slot("ip_address"), ["request_id"] = Slot("request_id") },
            data);
        var body = AuditEntryBody.Build(draft, account.Name, null);
        var text = (body.Prefix + Slot("created_at") + body.Suffix)
            .Replace(IdMarker.ToString(), Slot("id"), StringComparison.Ordinal);
        return new EntryTemplate(Split(text));
    }

    /// <summary>Appends the body, with <paramref name="values"/> in the order of <see cref="Slots"/>.</summary>
    public void Render(StringBuilder body, string[] values)
    {
        foreach (var (literal, slot) in _segments)
        {
            body.Append(literal);
            if (slot >= 0)
            {
                body.Append(values[slot]);
            }
        }
    }

    private static string Slot(string name) => $"@{name}@";

    /// <summary>Splits the text into literals, each followed by the index of a slot or by -1 at the end.</summary>
    private static (string Literal, int Slot)[] Split(string text)
    {
        // Regex.Split with a capture group alternates: literal, slot name, literal, ..., literal.
        var parts = SlotPattern().Split(text);
        var segments = new List<(string, int)>();
        for (var index = 0; index < parts.Length; index += 2)
        {
            var slot = index + 1 < parts.Length ? IndexOfSlot(parts[index + 1]) : -1;
            segments.Add((parts[index], slot));
        }

        return [.. segments];
    }

    private static int IndexOfSlot(string name)
    {
        var index = Slots.ToList().IndexOf(name);
        return index >= 0 ? index : throw new InvalidOperationException($"Unknown slot '{name}' in a template.");
    }

    [GeneratedRegex("@([a-z_]+)@")]
    private static partial Regex SlotPattern();
}
