using System.Text.Json.Serialization;

namespace EnterpriseLedger.Domain;

/// <summary>
/// The permissions an Enterprise Account member holds. Every member holds <see cref="View"/>;
/// an account admin holds all four.
/// </summary>
[Flags]
[JsonConverter(typeof(PermissionsJsonConverter))]
public enum Permissions
{
    None = 0,
    View = 1,
    Billing = 2,
    Manage = 4,
    Create = 8,
    All = View | Billing | Manage | Create,
}
