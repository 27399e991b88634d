using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Projections.Migrations;
using Marten;

namespace EnterpriseLedger.Host.Views;

/// <summary>
/// <c>banner --user EMAIL [--output text|json]</c>: the banners the user must see, one for each blocked company
/// in which the user holds a role other than collaborator.
/// </summary>
public static class BannerCommand
{
    public const string Usage = "banner --user EMAIL [--output text|json]";

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("banner", args, "user", "output");
        var email = UserOption.Email(arguments, "./ledger banner --user nia@umbrella.test");
        var output = arguments.OneOf("output", "text", "text", "json");

        await using var session = store.QuerySession();
        var blocked = await session.Query<MigrationStatusView>()
            .Where(view => view.Status == "blocked" && view.BannerEmails.Contains(email))
            .OrderBy(view => view.Company)
            .ToListAsync(cancellationToken);
        var banners = blocked.Select(view =>
            new { company_id = view.Id, view.Company, message = Message(view), view.Reasons });

        if (output == "json")
        {
            LedgerJson.Write(banners);
            return ExitCodes.Success;
        }

        if (blocked.Count == 0)
        {
            Console.Out.WriteLine($"No banner for {email}.");
        }

        foreach (var banner in banners)
        {
            Console.Out.WriteLine(banner.message);
        }

        return ExitCodes.Success;
    }

    public static string Message(MigrationStatusView view) =>
        $"The Enterprise Account for {view.Company} could not be created automatically. "
        + "Contact support to complete the migration.";
}
