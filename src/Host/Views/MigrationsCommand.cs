using System.Globalization;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Projections.Migrations;
using Marten;
using Spectre.Console;

namespace EnterpriseLedger.Host.Views;

/// <summary><c>migrations [--status STATUS] [--output table|json]</c>: every company's migration status.</summary>
public static class MigrationsCommand
{
    public const string Usage = "migrations [--status migrated|blocked|not-required] [--output table|json]\n  "
        + MigrationsExplainCommand.ExplainUsage + "\n  " + MigrationsExplainCommand.ReplayUsage;

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        switch (args.Count > 0 ? args[0] : "")
        {
            case "explain":
                return await MigrationsExplainCommand.ExplainAsync(
                    store, args.Skip(1).ToList(), MigrationRules.Current, cancellationToken);
            case "replay":
                return await MigrationsExplainCommand.ReplayAsync(
                    store, args.Skip(1).ToList(), MigrationRules.Current, cancellationToken);
        }

        var arguments = CommandArguments.Parse("migrations", args, "status", "output");
        var status = arguments.OneOf("status", "any", "any", "migrated", "blocked", "not-required");
        var output = arguments.OneOf("output", "table", "table", "json");

        await using var session = store.QuerySession();
        var query = session.Query<MigrationStatusView>().AsQueryable();
        if (status != "any")
        {
            query = query.Where(view => view.Status == status);
        }

        var views = await query.OrderBy(view => view.Company).ToListAsync(cancellationToken);
        if (output == "json")
        {
            LedgerJson.Write(views.Select(view => new
            {
                company_id = view.Id, view.Company, view.Status, view.Reasons,
                account = view.AccountId is { } id ? new { id, name = view.AccountName } : null,
                banner = view.BannerEmails, view.Attempts, view.UpdatedAt,
            }));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Company", "Status", "Account", "Reasons", "Attempts");
        foreach (var view in views)
        {
            table.AddRow(Markup.Escape(view.Company), view.Status, Markup.Escape(view.AccountName ?? "-"),
                string.Join(", ", view.Reasons), view.Attempts.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{views.Count} companies");
        return ExitCodes.Success;
    }
}
