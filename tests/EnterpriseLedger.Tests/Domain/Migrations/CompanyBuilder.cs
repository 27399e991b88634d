using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Domain.Migrations;
using Shouldly;

namespace EnterpriseLedger.Tests.Domain.Migrations;

/// <summary>
/// Builds the migration input of the company "acme". Users and teams are named by short handles such as "ann"
/// or "web". Ids and emails derive from the handle, so a test can name them in its assertions.
/// </summary>
internal sealed class CompanyBuilder
{
    public static readonly Guid CompanyId = Guid.Parse("c0000000-0000-4000-8000-0000000000ac");

    public static readonly DateTimeOffset FirstDay = new(2021, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<TeamInput?> teams = [];
    private CompanyReference? company = new(CompanyId, "acme");
    private bool? participatedInBeta = false;
    private BetaAccountInput? enterpriseAccount;
    private bool teamsMissing;

    public static Guid UserId(string user) => DeriveId("user:" + user);

    public static string Email(string user) => $"{user}@acme.test";

    public static Guid TeamId(string team) => DeriveId("team:" + team);

    /// <summary>Adds a team created one day after the team added before it, unless configured otherwise.</summary>
    public CompanyBuilder WithTeam(string name, Func<TeamBuilder, TeamBuilder>? configure = null)
    {
        var team = new TeamBuilder(name, FirstDay.AddDays(teams.Count));
        teams.Add((configure?.Invoke(team) ?? team).Build());
        return this;
    }

    /// <summary>Adds a team entry as given, including null, for input that the fluent methods cannot express.</summary>
    public CompanyBuilder WithTeamInput(TeamInput? team)
    {
        teams.Add(team);
        return this;
    }

    public CompanyBuilder WithoutTeams()
    {
        teamsMissing = true;
        return this;
    }

    public CompanyBuilder WithCompany(CompanyReference? reference)
    {
        company = reference;
        return this;
    }

    public CompanyBuilder WithParticipatedInBeta(bool? participated)
    {
        participatedInBeta = participated;
        return this;
    }

    public CompanyBuilder WithEnterpriseAccount(BetaAccountInput? account)
    {
        enterpriseAccount = account;
        return this;
    }

    /// <summary>Marks the company as a beta participant whose account has the given members and permissions.</summary>
    public CompanyBuilder InBeta(
        Guid accountId, string accountName, params (string User, string[] Permissions)[] members)
    {
        var betaMembers = members.Select(member => BetaMember(member.User, member.Permissions)).ToList();
        participatedInBeta = true;
        enterpriseAccount = new BetaAccountInput(accountId, accountName, betaMembers);
        return this;
    }

    public static BetaMemberInput BetaMember(string user, params string?[] permissions) =>
        new(new UserReference(UserId(user), Email(user)), permissions);

    public CompanyInput Build() =>
        new(company, participatedInBeta, enterpriseAccount, teamsMissing ? null : teams.ToList());

    /// <summary>Builds input that must be valid, and fails the test with the validator's error otherwise.</summary>
    public Company BuildValid()
    {
        var (valid, error) = CompanyValidator.Validate(Build());
        error.ShouldBeNull();
        return valid.ShouldNotBeNull();
    }

    /// <summary>Builds input that must be invalid, and fails the test if the validator returns a company.</summary>
    public InputError BuildInvalid()
    {
        var (built, error) = CompanyValidator.Validate(Build());
        built.ShouldBeNull();
        return error.ShouldNotBeNull();
    }

    // Hashing the handle gives a stable id across runs without a table of literal GUIDs.
    private static Guid DeriveId(string handle) => new(SHA256.HashData(Encoding.UTF8.GetBytes(handle)).AsSpan(0, 16));
}
