using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Audit;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;
using JasperFx.Events;

namespace EnterpriseLedger.Host.Feed;

/// <summary>
/// The events that subscribers may see, each with its contract version, and the names Marten stores them under.
/// Token events are not public because they describe credentials. A change to a public record that old readers
/// cannot take gets a new version here and an upcaster in the store, so that the events already stored still read.
/// </summary>
public sealed class EventContract
{
    /// <summary>The public event types and their current contract versions.</summary>
    public static IReadOnlyDictionary<Type, int> Versions { get; } = new Dictionary<Type, int>
    {
        [typeof(AccountCreated)] = 1,
        [typeof(AccountRenamed)] = 1,
        [typeof(IdentityProviderConfigured)] = 1,
        [typeof(IdentityProviderRemoved)] = 1,
        [typeof(MemberAdded)] = 1,
        [typeof(PermissionGranted)] = 1,
        [typeof(PermissionRevoked)] = 1,
        [typeof(MemberRemoved)] = 1,
        [typeof(TeamAttached)] = 1,
        [typeof(TeamCreated)] = 1,
        [typeof(TeamRenamed)] = 1,
        [typeof(TeamDeleted)] = 1,
        [typeof(TeamRosterImported)] = 1,
        [typeof(TeamRoleAssigned)] = 1,
        [typeof(TeamRoleRemoved)] = 1,
        [typeof(MigrationRequested)] = 1,
        [typeof(MigrationBlocked)] = 1,
        [typeof(MigrationCompleted)] = 1,
        [typeof(MigrationNotRequired)] = 1,
        [typeof(AuditLogDownloaded)] = 1,
    };

    /// <summary>
    /// The JSON of event data on the wire and in the schemas: snake_case members, enum values in snake_case, and
    /// permissions as an array of names. It does not depend on how the store writes events.
    /// </summary>
    public static JsonSerializerOptions WireOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new PermissionsJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>The JSON the store writes events in, as <c>LedgerStore</c> configures Marten.</summary>
    public static JsonSerializerOptions StoredOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, Type> _typeByStored;
    private readonly Dictionary<string, string> _publicByStored;
    private readonly Dictionary<string, string> _storedByPublic;

    public EventContract()
    {
        var stored = Versions.Keys.ToDictionary(type => type, type => type.GetEventTypeName());
        _typeByStored = stored.ToDictionary(pair => pair.Value, pair => pair.Key);
        _publicByStored = stored.ToDictionary(pair => pair.Value, pair => pair.Key.Name);
        _storedByPublic = stored.ToDictionary(pair => pair.Key.Name, pair => pair.Value);
    }

    public static IReadOnlyCollection<string> PublicNames { get; } = Versions.Keys.Select(type => type.Name).ToArray();

    public bool IsPublic(string publicName) => _storedByPublic.ContainsKey(publicName);

    public bool IsPublicStored(string storedName) => _publicByStored.ContainsKey(storedName);

    /// <summary>Returns the name Marten stores an event type under, such as <c>permission_granted</c>.</summary>
    public string StoredName(string publicName) => _storedByPublic[publicName];

    /// <summary>Returns the record name subscribers see, such as <c>PermissionGranted</c>.</summary>
    public string PublicName(string storedName) => _publicByStored.GetValueOrDefault(storedName, storedName);

    /// <summary>Converts an event's data from the stored JSON to the wire JSON of its contract.</summary>
    public JsonElement ToWire(string storedName, string storedJson) =>
        _typeByStored.TryGetValue(storedName, out var type)
            ? JsonSerializer.SerializeToElement(
                JsonSerializer.Deserialize(storedJson, type, StoredOptions), type, WireOptions)
            : JsonDocument.Parse(storedJson).RootElement.Clone();

    public int VersionOf(string storedName) =>
        Versions.FirstOrDefault(pair => pair.Key.Name == PublicName(storedName)).Value;
}
