using System.Globalization;
using System.Text.Json.Nodes;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;
using JasperFx.Events;

namespace EnterpriseLedger.Projections.Audit;

/// <summary>
/// Turns an event that concerns an Enterprise Account into an audit entry draft, and other events into none. The
/// types and actions are listed in <c>docs/audit-log.md</c>.
/// </summary>
public static class AuditEntryMapper
{
    public const string ClientIpHeader = "client_ip";
    public const string RequestIdHeader = "request_id";

    public static AuditEntryDraft? Map(IEvent @event)
    {
        var draft = @event.Data switch
        {
            AccountCreated e => Account(e, "enterprise_account", "create",
                new JsonObject { ["name"] = e.Name, ["company_id"] = e.CompanyId.ToString() }),
            AccountRenamed e => Account(e, "enterprise_account", "rename",
                new JsonObject { ["previous_name"] = e.OldName, ["name"] = e.NewName }),
            IdentityProviderConfigured e => Account(e, "identity_provider", "configure", new JsonObject
            {
                ["id"] = e.Provider.Id.ToString(),
                ["name"] = e.Provider.Name,
                ["sso_target_url"] = e.Provider.SsoTargetUrl,
                ["entity_id"] = e.Provider.EntityId,
            }),
            IdentityProviderRemoved e => Account(e, "identity_provider", "remove", []),
            MemberAdded e => Account(e, "enterprise_account_member", "add", new JsonObject
            {
                ["user"] = User(e.UserId, e.Email),
                ["permissions"] = Names(e.Permissions),
                ["two_factor_authentication"] = e.Security.TwoFactorAuthentication,
                ["federated"] = e.Security.Federated,
            }),
            PermissionGranted e => Account(e, "enterprise_account_member", "grant",
                PermissionChange(e.UserId, e.Email, e.Permission, e.Before, e.After)),
            PermissionRevoked e => Account(e, "enterprise_account_member", "revoke",
                PermissionChange(e.UserId, e.Email, e.Permission, e.Before, e.After)),
            MemberRemoved e => Account(e, "enterprise_account_member", "remove", new JsonObject
            {
                ["user"] = User(e.UserId, e.Email),
                ["permissions_before"] = Names(e.Permissions),
            }),
            TeamAttached e => Account(e, "team", "attach", new JsonObject
            {
                ["created_at"] = e.CreatedAt.UtcDateTime.ToString(
                    AuditEntryBody.TimeFormat, CultureInfo.InvariantCulture),
                ["provisioned_licenses"] = e.ProvisionedLicenses,
            }) with { TeamId = e.TeamId, TeamName = e.Name },
            TeamCreated e => Account(e, "team", "create", []) with { TeamId = e.TeamId, TeamName = e.Name },
            TeamRenamed e => Account(e, "team", "rename",
                new JsonObject { ["previous_name"] = e.OldName, ["name"] = e.NewName })
                with { TeamId = e.TeamId, TeamName = e.NewName },
            TeamDeleted e => Account(e, "team", "delete", []) with { TeamId = e.TeamId, TeamName = e.Name },
            TeamRosterImported e => Team(e, "import", new JsonObject
            {
                ["members"] = new JsonArray([.. e.Members.Select(holder => (JsonNode)new JsonObject
                {
                    ["user"] = User(holder.UserId, holder.Email),
                    ["role"] = TeamRoles.ToName(holder.Role),
                })]),
            }),
            TeamRoleAssigned e => Team(e, "assign", new JsonObject
            {
                ["user"] = User(e.UserId, e.Email),
                ["role"] = TeamRoles.ToName(e.Role),
                ["previous_role"] = e.PreviousRole is { } previous ? TeamRoles.ToName(previous) : null,
            }),
            TeamRoleRemoved e => Team(e, "remove", new JsonObject
            {
                ["user"] = User(e.UserId, e.Email),
                ["previous_role"] = TeamRoles.ToName(e.Role),
            }),
            MigrationCompleted e => Draft(e.AccountId, e.Actor, "migration", "complete", new JsonObject
            {
                ["company_id"] = e.CompanyId.ToString(),
                ["main_team"] = e.Trace.MainTeam,
                ["main_team_rule"] = e.Trace.MainTeamRule,
                ["licensed_teams"] = Strings(e.Trace.LicensedTeams),
                ["universal_admins"] = Strings(e.Trace.UniversalAdmins),
            }),
            MigrationNotRequired e => Draft(e.AccountId, e.Actor, "migration", "not_required",
                new JsonObject { ["company_id"] = e.CompanyId.ToString() }),
            AuditLogDownloaded e => Draft(e.AccountId, e.Actor, "audit_log", "download", new JsonObject
            {
                ["period"] = e.Period,
                ["format"] = e.Format,
                ["entries"] = e.Entries,
            }),
            _ => null,
        };

        return draft is null ? null : draft with { EventId = @event.Id, Request = Request(@event) };
    }

    /// <summary>
    /// Converts an actor to the entries' JSON: a user as id and email, and a process such as the migration as a name.
    /// </summary>
    public static JsonObject ActorOf(Actor actor) =>
        Guid.TryParse(actor.Id, out var id)
            ? new JsonObject { ["id"] = id.ToString(), ["email"] = actor.Email }
            : new JsonObject { ["name"] = actor.Id };

    private static AuditEntryDraft Account(IAccountEvent e, string type, string action, JsonObject data) =>
        Draft(e.AccountId, e.Actor, type, action, data);

    private static AuditEntryDraft Team(ITeamEvent e, string action, JsonObject data) =>
        Draft(e.AccountId, e.Actor, "team_member", action, data) with { TeamId = e.TeamId };

    private static AuditEntryDraft Draft(Guid accountId, Actor actor, string type, string action, JsonObject data) =>
        new(accountId, Guid.Empty, type, action, ActorOf(actor), null, null, [], data);

    private static JsonObject PermissionChange(
        Guid userId, string email, Permissions permission, Permissions before, Permissions after) => new()
        {
            ["user"] = User(userId, email),
            ["permission"] = PermissionNames.Format(permission),
            ["permissions_before"] = Names(before),
            ["permissions_after"] = Names(after),
        };

    private static JsonObject User(Guid id, string email) => new() { ["id"] = id.ToString(), ["email"] = email };

    private static JsonArray Names(Permissions permissions) => Strings(PermissionNames.ToNames(permissions));

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)value)]);

    private static JsonObject Request(IEvent @event)
    {
        var request = new JsonObject();
        if (@event.GetHeader(ClientIpHeader) is { } ip)
        {
            request["ip_address"] = ip.ToString();
        }

        if (@event.GetHeader(RequestIdHeader) is { } requestId)
        {
            request["request_id"] = requestId.ToString();
        }

        return request;
    }
}
