using System.Text.Json.Serialization;

namespace EnterpriseLedger.Domain.Migrations;

[JsonConverter(typeof(JsonStringEnumConverter<MigrationOutcome>))]
public enum MigrationOutcome
{
    [JsonStringEnumMemberName("migrated")] Migrated,
    [JsonStringEnumMemberName("blocked")] Blocked,
    [JsonStringEnumMemberName("not-required")] NotRequired,
    [JsonStringEnumMemberName("already-migrated")] AlreadyMigrated,
    [JsonStringEnumMemberName("invalid")] Invalid,
}

public static class MigrationReasons
{
    public const string MultipleLicensedTeams = "multiple-licensed-teams";
    public const string NoUniversalAdmin = "no-universal-admin";
}

public static class MigrationOutcomes
{
    public static string ToName(MigrationOutcome outcome) => outcome switch
    {
        MigrationOutcome.Migrated => "migrated",
        MigrationOutcome.Blocked => "blocked",
        MigrationOutcome.NotRequired => "not-required",
        MigrationOutcome.AlreadyMigrated => "already-migrated",
        _ => "invalid",
    };
}
