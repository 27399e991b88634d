using EnterpriseLedger.Domain;

namespace EnterpriseLedger.Host.Api.Representations;

/// <summary>One permission of an enterprise account member, as Heroku's <c>expanded_permissions</c> lists it.</summary>
public sealed record PermissionRepresentation(string Description, string Name)
{
    /// <summary>Lists the permissions held, in the order view, billing, manage, create.</summary>
    public static IReadOnlyList<PermissionRepresentation> List(Permissions permissions) =>
        PermissionNames.Split(permissions).Select(From).ToArray();

    /// <summary>Describes one permission.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not exactly one permission.</exception>
    public static PermissionRepresentation From(Permissions permission) =>
        new(Describe(permission), PermissionNames.Format(permission));

    private static string Describe(Permissions permission) => permission switch
    {
        Permissions.View => "View the enterprise account, its members and the teams in which you hold a role.",
        Permissions.Billing => "View the account's usage and export usage files.",
        Permissions.Manage =>
            "Manage members, their permissions, the account's settings and the members of your teams.",
        Permissions.Create => "Create, rename and delete the account's teams.",
        _ => throw new ArgumentOutOfRangeException(
            nameof(permission), permission, "Expected exactly one of view, billing, manage and create."),
    };
}
