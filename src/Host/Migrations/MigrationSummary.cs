using EnterpriseLedger.Domain.Migrations;
using Spectre.Console;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>
/// Collects results for the summary table: a count per outcome, and the companies that need attention
/// (blocked or invalid). Every company is listed when the run is small.
/// </summary>
public sealed class MigrationSummary
{
    private const int ListedCompanies = 50;

    private readonly Dictionary<MigrationOutcome, int> _counts =
        Enum.GetValues<MigrationOutcome>().ToDictionary(o => o, _ => 0);
    private readonly List<MigrationResult> _listed = [];
    private int _attention;

    public int Total { get; private set; }

    public int Invalid => _counts[MigrationOutcome.Invalid];

    public void Add(MigrationResult result)
    {
        Total++;
        _counts[result.Outcome]++;
        var needsAttention = result.Outcome is MigrationOutcome.Blocked or MigrationOutcome.Invalid;
        if (needsAttention)
        {
            _attention++;
        }

        if (_listed.Count < ListedCompanies && (needsAttention || Total <= ListedCompanies))
        {
            _listed.Add(result);
        }
    }

    public void Write(IAnsiConsole console)
    {
        var small = Total <= ListedCompanies;
        var companies = small
            ? _listed
            : _listed.Where(r => r.Outcome is MigrationOutcome.Blocked or MigrationOutcome.Invalid);
        if (companies.Any())
        {
            console.Write(CompanyTable(companies));
        }

        var hidden = small ? 0 : _attention - companies.Count();
        if (hidden > 0)
        {
            console.MarkupLineInterpolated(
                $"[grey]… and {hidden} more blocked or invalid companies; use --output json for all.[/]");
        }

        console.Write(CountTable());
    }

    private static Table CompanyTable(IEnumerable<MigrationResult> results)
    {
        var table = new Table().AddColumns("Company", "Outcome", "Account", "Members", "Reasons or error");
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Company ?? $"{Path.GetFileName(result.File)} #{result.Position}"),
                MigrationOutcomes.ToName(result.Outcome),
                Markup.Escape(result.AccountName ?? "-"),
                result.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(result.Error ?? string.Join(", ", result.Reasons)));
        }

        return table;
    }

    private Table CountTable()
    {
        var table = new Table().AddColumns("Outcome", "Companies");
        foreach (var (outcome, count) in _counts.Where(entry => entry.Value > 0))
        {
            table.AddRow(
                MigrationOutcomes.ToName(outcome),
                count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", $"[bold]{Total}[/]");
        return table;
    }
}
