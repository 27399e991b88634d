using System.Globalization;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Host.Cli;
using EnterpriseLedger.Projections.Accounts;
using Marten;
using Spectre.Console;

namespace EnterpriseLedger.Host.Views;

/// <summary>
/// <c>access ACCOUNT [--permission NAME] [--security FILTER] [--output table|json]</c>: an account's members,
/// their permissions and their sign-in safeguards.
/// </summary>
public static class AccessCommand
{
    public const string Usage = "access ACCOUNT [--permission view|billing|manage|create] "
        + "[--security two-factor|no-two-factor|sso|no-sso] [--output table|json]";

    private static readonly string[] SecurityFilters = ["any", "two-factor", "no-two-factor", "sso", "no-sso"];

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("access", args, "permission", "security", "output");
        var account = arguments.Positional(0, "ACCOUNT", "./ledger access northwind");
        var permission = ParsePermission(arguments.Option("permission"));
        var security = arguments.OneOf("security", "any", SecurityFilters);
        var output = arguments.OneOf("output", "table", "table", "json");

        await using var session = store.QuerySession();
        var view = await AccountLookup.FindAsync(session, account, cancellationToken);
        var members = view.Members
            .Where(member => member.Permissions.HasFlag(permission) && Matches(member, security))
            .ToList();

        if (output == "json")
        {
            LedgerJson.Write(new { account = new { view.Id, view.Name }, members });
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"[bold]{view.Name}[/] ({view.Id}): {members.Count} of {view.Members.Count} members");
        AnsiConsole.Write(MemberTable(members));
        return ExitCodes.Success;
    }

    private static Permissions ParsePermission(string? name)
    {
        if (name is null)
        {
            return Permissions.None;
        }

        return PermissionNames.TryParse(name, out var permission)
            ? permission
            : throw new CliException(
                $"Invalid --permission '{name}': expected one of {string.Join(", ", PermissionNames.All)}.");
    }

    private static bool Matches(AccessMember member, string security) => security switch
    {
        "two-factor" => member.Security.TwoFactorAuthentication,
        "no-two-factor" => !member.Security.TwoFactorAuthentication,
        "sso" => member.Security.Federated,
        "no-sso" => !member.Security.Federated,
        _ => true,
    };

    private static Table MemberTable(IEnumerable<AccessMember> members)
    {
        var table = new Table().AddColumns("Email", "Permissions", "Security");
        foreach (var member in members)
        {
            var twoFactor = member.Security.TwoFactorAuthentication ? "2FA" : "[red]no 2FA[/]";
            var sso = member.Security.Federated
                ? $"SSO ({Markup.Escape(member.Security.IdentityProvider ?? "federated")})"
                : "no SSO";
            table.AddRow(
                Markup.Escape(member.Email),
                PermissionNames.Format(member.Permissions),
                $"{twoFactor}, {sso}");
        }

        return table;
    }
}
