using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// The parts of the migration rules that may change over time, so that a recorded migration can be decided again
/// under other rules and the outcomes compared. <see cref="Current"/> contains today's rules.
/// </summary>
/// <param name="ChooseMainTeam">
/// Picks the team the account is named after, with the name of the rule that picked it (for the trace). It is
/// called only when at most one team has licenses.
/// </param>
public sealed record MigrationRules(Func<Company, (Team Team, string Rule)> ChooseMainTeam)
{
    public static MigrationRules Current { get; } = new(MigrationPolicy.ChooseMainTeam);
}
