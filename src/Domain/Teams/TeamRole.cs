using System.Text.Json.Serialization;

namespace EnterpriseLedger.Domain.Teams;

/// <summary>
/// A user's role on an Enterprise Team. A collaborator works on some apps of the team only and is not
/// a member of the Enterprise Account.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TeamRole>))]
public enum TeamRole
{
    [JsonStringEnumMemberName("admin")] Admin,
    [JsonStringEnumMemberName("member")] Member,
    [JsonStringEnumMemberName("viewer")] Viewer,
    [JsonStringEnumMemberName("collaborator")] Collaborator,
}

public static class TeamRoles
{
    public static IReadOnlyList<string> Names { get; } = ["admin", "member", "viewer", "collaborator", "owner"];

    /// <summary>Parses a role name; <c>owner</c>, found in older exports, counts as <c>admin</c>.</summary>
    public static bool TryParse(string? name, out TeamRole role)
    {
        (var known, role) = name switch
        {
            "admin" or "owner" => (true, TeamRole.Admin),
            "member" => (true, TeamRole.Member),
            "viewer" => (true, TeamRole.Viewer),
            "collaborator" => (true, TeamRole.Collaborator),
            _ => (false, TeamRole.Viewer),
        };
        return known;
    }

    public static string ToName(TeamRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Tells whether the role makes its holder an official member of the company.</summary>
    public static bool IsOfficial(TeamRole role) => role != TeamRole.Collaborator;
}
