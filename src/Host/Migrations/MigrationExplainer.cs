using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;
using Marten;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>A company's last migration input as its stream recorded it, with the outcome that input got.</summary>
public sealed record RecordedMigration(
    Guid CompanyId,
    string CompanyName,
    string Input,
    MigrationOutcome? Outcome,
    IReadOnlyList<string> Reasons,
    string? AccountName,
    MigrationTrace? Trace,
    IReadOnlyList<string> BannerEmails,
    IReadOnlyList<string> Members,
    DateTimeOffset RecordedAt);

/// <summary>
/// One field on which today's decision differs from the recorded one. <see cref="IsOutcome"/> is false for the
/// trace's fields (main team, rule, licensed teams, universal admins), which explain the outcome but are not part
/// of it.
/// </summary>
public sealed record FieldDifference(string Field, string Recorded, string Today)
{
    public static IReadOnlySet<string> TraceFields { get; } =
        new HashSet<string> { "main_team", "main_team_rule", "licensed_teams", "universal_admins" };

    public bool IsOutcome => !TraceFields.Contains(Field);
}

/// <summary>A user's role on one team of the recorded input, for the trace.</summary>
public sealed record TeamRoleFact(string Team, string Email, string Role);

/// <summary>
/// A recorded migration decided again: the facts the decision rests on, today's outcome, and each field where it
/// differs from the recorded outcome. <see cref="Error"/> is set when the recorded input no longer validates.
/// </summary>
public sealed record MigrationExplanation(
    RecordedMigration Recorded,
    MigrationOutcome? Today,
    IReadOnlyList<string> TodayReasons,
    string? TodayAccountName,
    MigrationTrace? TodayTrace,
    IReadOnlyList<TeamRoleFact> Roles,
    IReadOnlyList<FieldDifference> Differences,
    string? Error)
{
    /// <summary>
    /// Whether the outcome itself would change: the result, reasons, account name, banner or members.
    /// </summary>
    public bool Changes => Differences.Any(difference => difference.IsOutcome);
}

/// <summary>
/// Decides recorded migrations again from the input their streams recorded, under the given rules, and compares the
/// result with what was recorded, field by field. Only <see cref="RecordAsync"/> appends events.
/// </summary>
public sealed class MigrationExplainer(IDocumentStore store, MigrationRules rules)
{
    /// <summary>
    /// Explains the company's last recorded migration, or returns null when the company has no stream.
    /// </summary>
    public async Task<MigrationExplanation?> ExplainAsync(Guid companyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var recorded = await ReadRecordedAsync(session, companyId, cancellationToken);
        return recorded is null ? null : Explain(recorded);
    }

    /// <summary>Explains every company whose last outcome was recorded at or after <paramref name="since"/>.</summary>
    public async IAsyncEnumerable<MigrationExplanation> ReplayAsync(
        DateTimeOffset since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var companies = await session.Query<Projections.Migrations.MigrationStatusView>()
            .Where(view => view.UpdatedAt >= since)
            .OrderBy(view => view.Company)
            .Select(view => view.Id)
            .ToListAsync(cancellationToken);
        foreach (var companyId in companies)
        {
            var recorded = await ReadRecordedAsync(session, companyId, cancellationToken);
            if (recorded is not null && recorded.RecordedAt >= since)
            {
                yield return Explain(recorded);
            }
        }
    }

    /// <summary>
    /// Records today's decision for a company that was blocked and would not be today, as a new attempt on its
    /// stream with the recorded input. Returns false, writing nothing, for any other explanation. A company that
    /// already has an account keeps it.
    /// </summary>
    public async Task<bool> RecordAsync(
        MigrationExplanation explanation, Actor actor, CancellationToken cancellationToken)
    {
        var recorded = explanation.Recorded;
        if (recorded.Outcome != MigrationOutcome.Blocked || explanation.Today is null or MigrationOutcome.Blocked
            || Parse(recorded.Input).Company is not { } company)
        {
            return false;
        }

        await using var session = store.LightweightSession();
        var status = await session.LoadAsync<Projections.Migrations.MigrationStatusView>(
            recorded.CompanyId, cancellationToken);
        var sha256 = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(recorded.Input)));
        var request = new MigrationRequest(recorded.Input, sha256, Guid.CreateVersion7(actor.At), actor);
        var decision = MigrationPolicy.Decide(
            company, MigrationRunner.ToMigration(status), request, rules, decideAgain: true);
        MigrationRunner.Append(session, decision, status);
        await session.SaveChangesAsync(cancellationToken);
        return decision.Appends.Count > 0;
    }

    private MigrationExplanation Explain(RecordedMigration recorded)
    {
        var (company, error) = Parse(recorded.Input);
        if (company is null)
        {
            return new MigrationExplanation(recorded, null, [], null, null, [], [], error);
        }

        var actor = Actor.System("explain", recorded.RecordedAt);
        var request = new MigrationRequest(recorded.Input, "", Guid.Empty, actor);
        var today = MigrationPolicy.Decide(company, current: null, request, rules);
        var todayMembers = today.Members.Select(Member).Order(StringComparer.Ordinal).ToList();
        var todayBanner = today.BannerRecipients.Select(recipient => recipient.Email).ToList();
        var differences = new List<FieldDifference>();
        Compare(differences, "outcome", Name(recorded.Outcome), Name(today.Outcome));
        Compare(differences, "reasons", Join(recorded.Reasons), Join(today.Reasons));
        Compare(differences, "account_name", recorded.AccountName ?? "-", today.AccountName ?? "-");
        if (recorded.Trace is { } trace && today.Trace is { } todayTrace)
        {
            Compare(differences, "main_team", trace.MainTeam ?? "-", todayTrace.MainTeam ?? "-");
            Compare(differences, "main_team_rule", trace.MainTeamRule ?? "-", todayTrace.MainTeamRule ?? "-");
            Compare(differences, "licensed_teams", Join(trace.LicensedTeams), Join(todayTrace.LicensedTeams));
            Compare(differences, "universal_admins", Join(trace.UniversalAdmins), Join(todayTrace.UniversalAdmins));
        }

        Compare(differences, "banner", Join(recorded.BannerEmails), Join(todayBanner));
        if (recorded.Members.Count > 0 || todayMembers.Count > 0)
        {
            Compare(differences, "members", Join(recorded.Members), Join(todayMembers));
        }

        var roles = company.Teams
            .SelectMany(team => team.Members.Select(
                member => new TeamRoleFact(team.Name, member.Email, TeamRoles.ToName(member.Role))))
            .OrderBy(fact => fact.Email, StringComparer.Ordinal)
            .ThenBy(fact => fact.Team, StringComparer.Ordinal)
            .ToList();
        return new MigrationExplanation(
            recorded, today.Outcome, today.Reasons, today.AccountName, today.Trace, roles, differences, null);
    }

    private static async Task<RecordedMigration?> ReadRecordedAsync(
        IQuerySession session, Guid companyId, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(companyId, token: cancellationToken);
        var start = events.ToList().FindLastIndex(@event => @event.Data is MigrationRequested);
        if (start < 0)
        {
            return null;
        }

        var requested = (MigrationRequested)events[start].Data;
        var outcome = events.Skip(start + 1).FirstOrDefault();
        var recorded = new RecordedMigration(
            companyId, requested.CompanyName, requested.Input, null, [], null, null, [], [],
            outcome?.Timestamp ?? events[start].Timestamp);
        return outcome?.Data switch
        {
            MigrationBlocked blocked => recorded with
            {
                Outcome = MigrationOutcome.Blocked,
                Reasons = blocked.Reasons,
                Trace = blocked.Trace,
                BannerEmails = blocked.BannerRecipients.Select(recipient => recipient.Email).ToList(),
            },
            MigrationCompleted completed => recorded with
            {
                Outcome = MigrationOutcome.Migrated,
                AccountName = completed.AccountName,
                Trace = completed.Trace,
                Members = await MembersAddedAsync(session, completed.AccountId, completed.Actor.At, cancellationToken),
            },
            MigrationNotRequired notRequired => recorded with
            {
                Outcome = MigrationOutcome.NotRequired,
                AccountName = notRequired.AccountName,
                Members = await MembersAddedAsync(
                    session, notRequired.AccountId, notRequired.Actor.At, cancellationToken),
            },
            _ => recorded,
        };
    }

    /// <summary>Lists the members the migration run added to the account: those added with the run's time.</summary>
    private static async Task<IReadOnlyList<string>> MembersAddedAsync(
        IQuerySession session, Guid accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(accountId, token: cancellationToken);
        return events.Select(@event => @event.Data)
            .OfType<MemberAdded>()
            .Where(added => added.Actor.At == at)
            .Select(added => Member(new MigratedMember(added.UserId, added.Email, added.Permissions)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static (Company? Company, string? Error) Parse(string input)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<CompanyInput>(input, MigrationInputReader.Options);
            if (parsed is null)
            {
                return (null, "The recorded input is not a company object.");
            }

            var (company, error) = CompanyValidator.Validate(parsed);
            return (company, error?.ToString());
        }
        catch (JsonException error)
        {
            return (null, $"The recorded input no longer reads: {error.Message}");
        }
    }

    private static string Member(MigratedMember member) =>
        $"{member.Email}:{PermissionNames.Format(member.Permissions)}";

    private static string Name(MigrationOutcome? outcome) =>
        outcome is { } value ? MigrationOutcomes.ToName(value) : "-";

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);

    private static void Compare(List<FieldDifference> differences, string field, string recorded, string today)
    {
        if (recorded != today)
        {
            differences.Add(new FieldDifference(field, recorded, today));
        }
    }
}
