using System.Globalization;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Projections.Accounts;
using EnterpriseLedger.Projections.Teams;
using Marten;
using Spectre.Console;

namespace EnterpriseLedger.Host.Views;

/// <summary>
/// <c>teams --user EMAIL [--output table|json]</c>: the teams in which the user holds a role. A user never
/// sees a team in which they hold no role, whatever their account permissions.
/// </summary>
public static class TeamsCommand
{
    public const string Usage = "teams --user EMAIL [--output table|json]";

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("teams", args, "user", "output");
        var email = UserOption.Email(arguments, "./ledger teams --user ana@northwind.test");
        var output = arguments.OneOf("output", "table", "table", "json");

        await using var session = store.QuerySession();
        var teams = await session.Query<TeamView>()
            .Where(team => team.UserEmails.Contains(email))
            .OrderBy(team => team.Name)
            .ToListAsync(cancellationToken);
        var accountIds = teams.Select(team => team.AccountId).Distinct().ToArray();
        var accounts = (await session.LoadManyAsync<AccessView>(cancellationToken, accountIds))
            .ToDictionary(a => a.Id, a => a.Name);
        var rows = teams.Select(team => new
        {
            team = new { team.Id, team.Name },
            account = new { Id = team.AccountId, Name = accounts.GetValueOrDefault(team.AccountId) },
            role = team.Roles.First(entry => entry.Email == email).Role,
        }).ToList();

        if (output == "json")
        {
            LedgerJson.Write(rows);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Team", "Account", "Role");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.team.Name),
                Markup.Escape(row.account.Name ?? "-"),
                TeamRoles.ToName(row.role));
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{email} holds a role in {rows.Count} teams");
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}

internal static class UserOption
{
    public static string Email(CommandArguments arguments, string example)
    {
        var email = arguments.RequiredOption("user", example);
        return EmailAddress.IsValid(email)
            ? EmailAddress.Normalize(email)
            : throw new CliException(
                $"Invalid --user '{email}': expected an email address such as ana@northwind.test.");
    }
}
