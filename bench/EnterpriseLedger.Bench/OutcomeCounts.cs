using System.Globalization;
using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Bench;

/// <summary>The number of companies per migration outcome in one run.</summary>
internal sealed class OutcomeCounts
{
    private readonly SortedDictionary<MigrationOutcome, int> _counts = [];

    public int Total => _counts.Values.Sum();

    public void Add(MigrationOutcome outcome) => _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;

    public void Add(OutcomeCounts other)
    {
        foreach (var (outcome, count) in other._counts)
        {
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + count;
        }
    }

    /// <summary>Formats the counts as "migrated 7,010, blocked 1,012", in the order of the enum.</summary>
    public override string ToString() => string.Join(", ", _counts.Select(entry =>
        string.Create(CultureInfo.InvariantCulture, $"{MigrationOutcomes.ToName(entry.Key)} {entry.Value:N0}")));
}
