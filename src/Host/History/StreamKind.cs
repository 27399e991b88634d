using System.Text.Json.Serialization;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Host.History;

/// <summary>The aggregate whose events a stream holds; the stream id is that aggregate's id.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StreamKind>))]
public enum StreamKind
{
    /// <summary>An Enterprise Account, folded into <see cref="EnterpriseAccount"/>.</summary>
    [JsonStringEnumMemberName("account")] Account,

    /// <summary>An Enterprise Team's roles, folded into <see cref="EnterpriseTeam"/>.</summary>
    [JsonStringEnumMemberName("team")] Team,

    /// <summary>A company's migration, keyed by company id and folded into <see cref="CompanyMigration"/>.</summary>
    [JsonStringEnumMemberName("migration")] Migration,
}

public static class StreamKinds
{
    public static IReadOnlyList<string> Names { get; } = ["account", "team", "migration"];

    /// <summary>Returns the kind of the stream that <paramref name="firstEvent"/> starts, else null.</summary>
    public static StreamKind? Of(object firstEvent) => firstEvent switch
    {
        IAccountEvent => StreamKind.Account,
        ITeamEvent => StreamKind.Team,
        IMigrationEvent => StreamKind.Migration,
        _ => null,
    };

    public static bool TryParse(string name, out StreamKind kind)
    {
        (var known, kind) = name switch
        {
            "account" => (true, StreamKind.Account),
            "team" => (true, StreamKind.Team),
            "migration" => (true, StreamKind.Migration),
            _ => (false, StreamKind.Account),
        };
        return known;
    }

    public static string ToName(StreamKind kind) => kind switch
    {
        StreamKind.Account => "account",
        StreamKind.Team => "team",
        _ => "migration",
    };

    /// <summary>Folds one event into the state with the aggregate's own <c>Evolve</c> function.</summary>
    public static object? Evolve(StreamKind kind, object? state, object @event) => kind switch
    {
        StreamKind.Account => EnterpriseAccount.Evolve(state as EnterpriseAccount, @event),
        StreamKind.Team => EnterpriseTeam.Evolve(state as EnterpriseTeam, @event),
        _ => CompanyMigration.Evolve(state as CompanyMigration, @event),
    };

    public static object? Fold(StreamKind kind, IEnumerable<object> events) =>
        Aggregates.Fold<object>(events, (state, @event) => Evolve(kind, state, @event));

    /// <summary>Returns the actor that every event of the three kinds carries, or null for another event.</summary>
    public static Actor? ActorOf(object @event) => @event switch
    {
        IAccountEvent accountEvent => accountEvent.Actor,
        ITeamEvent teamEvent => teamEvent.Actor,
        IMigrationEvent migrationEvent => migrationEvent.Actor,
        _ => null,
    };
}
