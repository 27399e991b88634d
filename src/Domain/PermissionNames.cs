namespace EnterpriseLedger.Domain;

/// <summary>
/// Converts permissions to and from their wire names, always in the order view, billing, manage, create.
/// </summary>
public static class PermissionNames
{
    private static readonly (Permissions Flag, string Name)[] Ordered =
    [
        (Permissions.View, "view"),
        (Permissions.Billing, "billing"),
        (Permissions.Manage, "manage"),
        (Permissions.Create, "create"),
    ];

    public static IReadOnlyList<string> All { get; } = Ordered.Select(entry => entry.Name).ToArray();

    public static IReadOnlyList<string> ToNames(Permissions permissions) =>
        Ordered.Where(entry => permissions.HasFlag(entry.Flag)).Select(entry => entry.Name).ToArray();

    public static IEnumerable<Permissions> Split(Permissions permissions) =>
        Ordered.Select(entry => entry.Flag).Where(flag => permissions.HasFlag(flag));

    public static bool TryParse(string name, out Permissions permission)
    {
        foreach (var entry in Ordered)
        {
            if (entry.Name == name)
            {
                permission = entry.Flag;
                return true;
            }
        }

        permission = Permissions.None;
        return false;
    }

    public static string Format(Permissions permissions) => string.Join(", ", ToNames(permissions));
}
