using System.Globalization;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Host.Migrations;
using EnterpriseLedger.Projections.Migrations;
using Marten;
using Spectre.Console;

namespace EnterpriseLedger.Host.Views;

/// <summary>
/// <c>migrations explain COMPANY</c> and <c>migrations replay --since DATE [--dry-run]</c>: decide recorded
/// migrations again from their recorded input, with today's rules, and show where the outcome would differ.
/// </summary>
public static class MigrationsExplainCommand
{
    public const string ExplainUsage = "migrations explain COMPANY [--output table|json]";

    public const string ReplayUsage = "migrations replay --since 2026-11-01 [--dry-run] [--output table|json]";

    public static async Task<int> ExplainAsync(
        IDocumentStore store, IReadOnlyList<string> args, MigrationRules rules, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("migrations explain", args, "output");
        var company = arguments.Positional(0, "COMPANY", "./ledger migrations explain northwind");
        var output = arguments.OneOf("output", "table", "table", "json");
        var companyId = await FindCompanyAsync(store, company, cancellationToken);

        var explanation = await new MigrationExplainer(store, rules).ExplainAsync(companyId, cancellationToken)
            ?? throw new CliException($"Company '{company}' has no recorded migration.", ExitCodes.Failed);
        if (output == "json")
        {
            LedgerJson.Write(ToJson(explanation));
            return ExitCodes.Success;
        }

        WriteExplanation(explanation);
        return ExitCodes.Success;
    }

    public static async Task<int> ReplayAsync(
        IDocumentStore store, IReadOnlyList<string> args, MigrationRules rules, CancellationToken cancellationToken)
    {
        var dryRun = args.Contains("--dry-run");
        var arguments = CommandArguments.Parse(
            "migrations replay", args.Where(arg => arg != "--dry-run").ToList(), "since", "output");
        var sinceText = arguments.RequiredOption("since", "./ledger migrations replay --since 2026-11-01 --dry-run");
        if (!DateTimeOffset.TryParse(
            sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            throw new CliException($"Invalid --since '{sinceText}'; expected a date or time such as 2026-11-01.");
        }

        var output = arguments.OneOf("output", "table", "table", "json");
        var explainer = new MigrationExplainer(store, rules);
        var changed = new List<MigrationExplanation>();
        var recorded = new List<MigrationExplanation>();
        var total = 0;
        var actor = new Actor($"cli:{Environment.UserName}", null, TimeProvider.System.GetUtcNow());
        await foreach (var explanation in explainer.ReplayAsync(since, cancellationToken))
        {
            total++;
            if (!explanation.Changes && explanation.Error is null)
            {
                continue;
            }

            changed.Add(explanation);
            if (!dryRun && await explainer.RecordAsync(explanation, actor, cancellationToken))
            {
                recorded.Add(explanation);
            }
        }

        if (output == "json")
        {
            LedgerJson.Write(new
            {
                since, dry_run = dryRun, evaluated = total,
                changed = changed.Select(ToJson),
                recorded = recorded.Select(explanation => explanation.Recorded.CompanyName),
            });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Company", "Recorded", "Today", "Differences");
        foreach (var explanation in changed)
        {
            var fields = string.Join(", ", explanation.Differences.Select(difference => difference.Field));
            table.AddRow(
                Markup.Escape(explanation.Recorded.CompanyName),
                Outcome(explanation.Recorded.Outcome),
                explanation.Error is null ? Outcome(explanation.Today) : "invalid",
                Markup.Escape(explanation.Error ?? fields));
        }

        AnsiConsole.Write(table);
        var mode = dryRun
            ? "dry run, nothing written"
            : $"{recorded.Count} blocked companies decided again and recorded";
        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"{changed.Count} of {total} migrations since {since:yyyy-MM-dd} would change ({mode})");
        return ExitCodes.Success;
    }

    private static async Task<Guid> FindCompanyAsync(
        IDocumentStore store, string company, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(company, out var id))
        {
            return id;
        }

        await using var session = store.QuerySession();
        var matches = await session.Query<MigrationStatusView>()
            .Where(view => view.Company == company)
            .Select(view => view.Id)
            .ToListAsync(cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException(
                $"No company '{company}'. List companies with: ./ledger migrations.", ExitCodes.Failed),
            _ => throw new CliException(
                $"{matches.Count} companies are named '{company}'; give the company id: {string.Join(", ", matches)}.",
                ExitCodes.Failed),
        };
    }

    private static void WriteExplanation(MigrationExplanation explanation)
    {
        var recorded = explanation.Recorded;
        var outcome = Outcome(recorded.Outcome);
        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"[bold]{recorded.CompanyName}[/] ({recorded.CompanyId}): recorded {outcome} at {recorded.RecordedAt:u}");
        if (explanation.Error is { } error)
        {
            AnsiConsole.MarkupLineInterpolated(
                CultureInfo.InvariantCulture, $"The recorded input is invalid today: {error}");
            return;
        }

        var roles = new Table().AddColumns("User", "Team", "Role");
        foreach (var fact in explanation.Roles)
        {
            roles.AddRow(Markup.Escape(fact.Email), Markup.Escape(fact.Team), fact.Role);
        }

        AnsiConsole.Write(roles);
        if (explanation.TodayTrace is { } trace)
        {
            AnsiConsole.MarkupLineInterpolated(
                CultureInfo.InvariantCulture, $"Licensed teams: {Join(trace.LicensedTeams)}");
            AnsiConsole.MarkupLineInterpolated(
                CultureInfo.InvariantCulture, $"Admins on every team: {Join(trace.UniversalAdmins)}");
            AnsiConsole.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"Main team: {trace.MainTeam ?? "none"} ({trace.MainTeamRule ?? "no rule applies"})");
        }

        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture, $"Today: {Outcome(explanation.Today)} {Join(explanation.TodayReasons)}");
        if (explanation.Differences.Count == 0)
        {
            AnsiConsole.MarkupLine("Today's rules decide the same as recorded.");
            return;
        }

        AnsiConsole.MarkupLine(explanation.Changes
            ? "Today's rules change the outcome:"
            : "Today's rules reach the same outcome by a different path:");

        var differences = new Table().AddColumns("Field", "Recorded", "Today");
        foreach (var difference in explanation.Differences)
        {
            differences.AddRow(difference.Field, Markup.Escape(difference.Recorded), Markup.Escape(difference.Today));
        }

        AnsiConsole.Write(differences);
    }

    private static object ToJson(MigrationExplanation explanation) => new
    {
        company_id = explanation.Recorded.CompanyId,
        company = explanation.Recorded.CompanyName,
        recorded = new
        {
            outcome = Outcome(explanation.Recorded.Outcome),
            explanation.Recorded.Reasons,
            account_name = explanation.Recorded.AccountName,
            explanation.Recorded.Trace,
            banner = explanation.Recorded.BannerEmails,
            explanation.Recorded.Members,
            recorded_at = explanation.Recorded.RecordedAt,
        },
        today = new
        {
            outcome = explanation.Error is null ? Outcome(explanation.Today) : null,
            reasons = explanation.TodayReasons,
            account_name = explanation.TodayAccountName,
            trace = explanation.TodayTrace,
            roles = explanation.Roles,
        },
        changes = explanation.Changes,
        differences = explanation.Differences,
        error = explanation.Error,
    };

    private static string Outcome(MigrationOutcome? outcome) =>
        outcome is { } value ? MigrationOutcomes.ToName(value) : "-";

    private static string Join(IEnumerable<string> values) => values.Any() ? string.Join(", ", values) : "none";
}
