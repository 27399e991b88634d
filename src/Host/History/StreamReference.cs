namespace EnterpriseLedger.Host.History;

/// <summary>
/// A stream that the history tools can read: its id, its kind and its current name. <paramref name="Name"/> is null
/// for a team that was deleted; <paramref name="Account"/> is the name of a team's Enterprise Account, and null for
/// the other kinds.
/// </summary>
public sealed record StreamReference(Guid Id, StreamKind Kind, string? Name, string? Account = null)
{
    /// <summary>Returns a label such as <c>team platform (account northwind)</c> for messages and headings.</summary>
    public string Describe()
    {
        var kind = StreamKinds.ToName(Kind);
        var name = Name ?? Id.ToString();
        return Account is null ? $"{kind} {name}" : $"{kind} {name} (account {Account})";
    }
}
