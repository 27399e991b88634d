using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// Decides how a company that used Enterprise Teams moves to an Enterprise Account. A pure function of the
/// validated company, the company's migration so far and the request.
/// </summary>
public static class MigrationPolicy
{
    /// <param name="decideAgain">
    /// Decides a blocked company again even when its input has not changed, as a replay under new rules does.
    /// </param>
    public static MigrationDecision Decide(
        Company company,
        CompanyMigration? current,
        MigrationRequest request,
        MigrationRules? rules = null,
        bool decideAgain = false)
    {
        rules ??= MigrationRules.Current;
        if (current is { HasAccount: true })
        {
            return Unchanged(current, MigrationOutcome.AlreadyMigrated);
        }

        if (current is { Outcome: MigrationOutcome.Blocked }
            && current.InputSha256 == request.InputSha256
            && !decideAgain)
        {
            return Unchanged(current, MigrationOutcome.Blocked) with
            {
                BannerRecipients = BannerRecipients(company),
            };
        }

        var requested = new MigrationRequested(
            company.Id, company.Name, request.Input, request.InputSha256, request.Actor);
        if (company.BetaAccount is { } beta)
        {
            return BetaAccountRecorder.Record(company, beta, current, requested);
        }

        var trace = Trace(company, rules);
        var reasons = BlockingReasons(company, trace);
        return reasons.Count > 0
            ? Block(company, current, requested, reasons, trace)
            : AccountBuilder.Migrate(company, current, requested, trace, rules.ChooseMainTeam(company).Team,
                request.NewAccountId);
    }

    public static MigrationTrace Trace(Company company, MigrationRules? rules = null)
    {
        var licensed = company.Teams
            .Where(team => team.ProvisionedLicenses)
            .Select(team => team.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var admins = UniversalAdmins(company).Select(user => user.Email).Order(StringComparer.Ordinal).ToList();
        var (mainTeam, rule) = licensed.Count > 1
            ? (null, null)
            : (rules ?? MigrationRules.Current).ChooseMainTeam(company);
        return new MigrationTrace(licensed, admins, mainTeam?.Name, rule);
    }

    /// <summary>
    /// Chooses the team the account is named after: the licensed one, or else the earliest created (ties by name).
    /// </summary>
    public static (Team Team, string Rule) ChooseMainTeam(Company company)
    {
        var licensed = company.Teams.FirstOrDefault(team => team.ProvisionedLicenses);
        if (licensed is not null)
        {
            return (licensed, "licensed");
        }

        var earliest = company.Teams
            .OrderBy(team => team.CreatedAt)
            .ThenBy(team => team.Name, StringComparer.Ordinal)
            .First();
        return (earliest, "earliest-created");
    }

    public static IEnumerable<TeamRoleHolder> UniversalAdmins(Company company) =>
        company.Teams
            .SelectMany(team => team.Members)
            .Where(member => member.Role == TeamRole.Admin)
            .GroupBy(member => member.UserId)
            .Where(group => group.Count() == company.Teams.Count)
            .Select(group => group.First());

    public static IReadOnlyList<BannerRecipient> BannerRecipients(Company company) =>
        company.Teams
            .SelectMany(team => team.Members)
            .Where(member => TeamRoles.IsOfficial(member.Role))
            .DistinctBy(member => member.UserId)
            .Select(member => new BannerRecipient(member.UserId, member.Email))
            .OrderBy(recipient => recipient.Email, StringComparer.Ordinal)
            .ToList();

    private static List<string> BlockingReasons(Company company, MigrationTrace trace)
    {
        var reasons = new List<string>();
        if (trace.LicensedTeams.Count > 1)
        {
            reasons.Add(MigrationReasons.MultipleLicensedTeams);
        }

        if (trace.UniversalAdmins.Count == 0)
        {
            reasons.Add(MigrationReasons.NoUniversalAdmin);
        }

        return reasons;
    }

    private static MigrationDecision Block(
        Company company,
        CompanyMigration? current,
        MigrationRequested requested,
        List<string> reasons,
        MigrationTrace trace)
    {
        var recipients = BannerRecipients(company);
        var blocked = new MigrationBlocked(company.Id, reasons, recipients, trace, requested.Actor);
        var append = new StreamAppend(company.Id, current is null, [requested, blocked]);
        return new MigrationDecision(MigrationOutcome.Blocked, reasons, null, null, [], recipients, trace, [append]);
    }

    private static MigrationDecision Unchanged(CompanyMigration current, MigrationOutcome outcome) =>
        new(outcome, current.Reasons, current.AccountId, current.AccountName, [], [], null, []);
}
