using System.Text;
using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Teams;
using EnterpriseLedger.Host.Samples;
using Shouldly;

namespace EnterpriseLedger.Tests.Samples;

public sealed class SampleGeneratorTests
{
    private const int BatchSize = 3000;
    private const int ShareSampleSize = 2000;

    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    // Generated and validated once, because several tests look at the same seed-1 batch.
    private static readonly Lazy<List<(CompanyInput Input, Company? Company, InputError? Error)>> SeedOneBatch =
        new(() => SampleGenerator.Generate(BatchSize, seed: 1)
            .Select(input =>
            {
                var (company, error) = CompanyValidator.Validate(input);
                return (input, company, error);
            })
            .ToList());

    private static IEnumerable<Company> ValidCompanies() =>
        SeedOneBatch.Value.Select(entry => entry.Company).OfType<Company>();

    [Fact]
    public async Task same_seed_gives_the_same_batch()
    {
        var first = await NdjsonAsync(SampleGenerator.Generate(300, seed: 7));
        var second = await NdjsonAsync(SampleGenerator.Generate(300, seed: 7));

        second.ShouldBe(first);
    }

    [Fact]
    public async Task shorter_batch_starts_the_longer_one()
    {
        var shorter = await NdjsonAsync(SampleGenerator.Generate(50, seed: 7));
        var longer = await NdjsonAsync(SampleGenerator.Generate(100, seed: 7));

        longer.ShouldStartWith(shorter);
    }

    [Fact]
    public void different_seeds_give_different_batches()
    {
        var first = SampleGenerator.Generate(100, seed: 1).Select(input => input.Company?.Id).ToList();
        var second = SampleGenerator.Generate(100, seed: 2).Select(input => input.Company?.Id).ToList();

        first.Intersect(second).ShouldBeEmpty();
    }

    [Fact]
    public void negative_company_count_is_rejected_at_once()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SampleGenerator.Generate(-1, seed: 1));
    }

    [Fact]
    public void every_generated_company_is_valid()
    {
        foreach (var (input, _, error) in SeedOneBatch.Value)
        {
            error.ShouldBeNull($"company {input.Company?.Name} is invalid");
        }

        SeedOneBatch.Value.Count.ShouldBe(BatchSize);
    }

    [Fact]
    public void outcome_shares_fall_within_loose_bounds()
    {
        var decisions = ValidCompanies().Take(ShareSampleSize).Select(Decide).ToList();

        double Share(Func<MigrationDecision, bool> matches) => decisions.Count(matches) / (double)decisions.Count;
        bool Blocked(MigrationDecision decision, params string[] reasons) =>
            decision.Outcome == MigrationOutcome.Blocked && decision.Reasons.Order().SequenceEqual(reasons.Order());

        decisions.Count.ShouldBe(ShareSampleSize);
        Share(decision => decision.Outcome == MigrationOutcome.Migrated).ShouldBeInRange(0.62, 0.78);
        Share(decision => decision.Outcome == MigrationOutcome.NotRequired).ShouldBeInRange(0.06, 0.14);
        Share(decision => decision.Outcome == MigrationOutcome.Blocked).ShouldBeInRange(0.14, 0.26);
        Share(decision => Blocked(decision, MigrationReasons.MultipleLicensedTeams)).ShouldBeInRange(0.04, 0.14);
        Share(decision => Blocked(decision, MigrationReasons.NoUniversalAdmin)).ShouldBeInRange(0.04, 0.12);
        Share(decision => Blocked(decision, MigrationReasons.MultipleLicensedTeams, MigrationReasons.NoUniversalAdmin))
            .ShouldBeInRange(0.01, 0.06);
    }

    [Fact]
    public void team_and_user_counts_stay_within_limits()
    {
        var companies = ValidCompanies().ToList();
        var teamCounts = companies.Select(company => company.Teams.Count).ToList();
        var userCounts = companies.Select(company => DistinctUsers(company).Count()).ToList();

        teamCounts.ShouldAllBe(count => count >= 1 && count <= 20);
        userCounts.ShouldAllBe(count => count >= 2 && count <= 500);
        teamCounts.Count(count => count <= 3).ShouldBeGreaterThan(companies.Count / 2);
        teamCounts.ShouldContain(count => count >= 10);
        userCounts.Average().ShouldBeInRange(15, 30);
        userCounts.ShouldContain(count => count >= 200);
    }

    [Fact]
    public void names_and_emails_are_unique_across_the_batch()
    {
        var companies = ValidCompanies().ToList();
        var teamNames = companies.SelectMany(company => company.Teams).Select(team => team.Name).ToList();
        var users = companies.SelectMany(DistinctUsers).ToList();

        teamNames.ShouldBeUnique();
        teamNames.ShouldAllBe(name => TeamNames.IsValid(name));
        companies.Select(company => company.Name).ShouldBeUnique();
        users.Select(user => user.Email).ShouldBeUnique();
        users.Select(user => user.UserId).ShouldBeUnique();
        users.ShouldAllBe(user => user.Email.EndsWith(".test", StringComparison.Ordinal));
    }

    [Fact]
    public void company_users_have_emails_at_the_company_domain()
    {
        var outsideEmails = ValidCompanies()
            .SelectMany(company => OfficialUsers(company)
                .Select(user => user.Email)
                .Where(email => !email.EndsWith($"@{company.Name}.test", StringComparison.Ordinal)))
            .ToList();

        outsideEmails.ShouldBeEmpty();
    }

    [Fact]
    public void collaborators_are_outsiders_on_few_teams()
    {
        var companies = ValidCompanies().ToList();
        var collaborations = companies
            .SelectMany(company => company.Teams
                .SelectMany(team => team.Members)
                .Where(member => member.Role == TeamRole.Collaborator)
                .GroupBy(member => member.UserId)
                .Select(group => (company.Name, group.First().Email, Teams: group.Count())))
            .ToList();

        collaborations.ShouldNotBeEmpty();
        collaborations.ShouldAllBe(entry => entry.Teams >= 1 && entry.Teams <= 2);
        collaborations.ShouldAllBe(entry => !entry.Email.EndsWith($"@{entry.Name}.test", StringComparison.Ordinal));
    }

    [Fact]
    public void users_share_teams_and_security_varies()
    {
        var users = ValidCompanies().SelectMany(company => company.Teams.SelectMany(team => team.Members)).ToList();
        var teamsPerUser = users.GroupBy(member => member.UserId).Select(group => group.Count()).ToList();
        var distinct = users.DistinctBy(member => member.UserId).ToList();
        var twoFactorShare = distinct.Count(user => user.Security.TwoFactorAuthentication) / (double)distinct.Count;
        var federated = distinct.Where(user => user.Security.Federated).ToList();

        teamsPerUser.Count(count => count > 1).ShouldBeGreaterThan(teamsPerUser.Count / 10);
        twoFactorShare.ShouldBeInRange(0.6, 0.95);
        federated.ShouldNotBeEmpty();
        federated.ShouldAllBe(user => user.Security.IdentityProvider != null);
        distinct.Where(user => !user.Security.Federated).ShouldAllBe(user => user.Security.IdentityProvider == null);
    }

    [Fact]
    public void some_admins_carry_the_old_owner_role()
    {
        var roles = SeedOneBatch.Value
            .SelectMany(entry => entry.Input.Teams ?? [])
            .SelectMany(team => team?.Members ?? [])
            .Select(member => member?.Role)
            .ToList();

        roles.ShouldContain("owner");
        roles.Count(role => role == "owner").ShouldBeLessThan(roles.Count(role => role == "admin"));
    }

    [Fact]
    public void teams_are_created_between_2012_and_2022()
    {
        var dates = ValidCompanies().SelectMany(company => company.Teams).Select(team => team.CreatedAt).ToList();

        dates.ShouldAllBe(date => date.Year >= 2012 && date.Year <= 2022);
        dates.ShouldAllBe(date => date.Offset == TimeSpan.Zero);
    }

    [Fact]
    public void first_team_is_named_for_company_and_oldest()
    {
        var companies = ValidCompanies().ToList();
        var misnamed = companies.Where(company => company.Teams[0].Name != company.Name).ToList();
        var younger = companies
            .Where(company => company.Teams.Any(team => team.CreatedAt < company.Teams[0].CreatedAt))
            .ToList();

        misnamed.ShouldBeEmpty();
        younger.ShouldBeEmpty();
    }

    [Fact]
    public void beta_account_lists_officials_and_a_manager()
    {
        var betaCompanies = ValidCompanies().Where(company => company.BetaAccount is not null).ToList();

        betaCompanies.ShouldNotBeEmpty();
        foreach (var company in betaCompanies)
        {
            var account = company.BetaAccount.ShouldNotBeNull();
            var officials = OfficialUsers(company);

            account.Members.ShouldContain(member => member.Permissions.HasFlag(Permissions.Manage));
            account.Members.ShouldAllBe(member => member.Permissions.HasFlag(Permissions.View));
            account.Members.Select(member => member.UserId).Order()
                .ShouldBe(officials.Select(user => user.UserId).Order());
        }
    }

    [Fact]
    public async Task ndjson_round_trips_line_by_line()
    {
        var companies = SampleGenerator.Generate(300, seed: 3).ToList();

        var lines = (await NdjsonAsync(companies)).Split('\n');

        lines.Length.ShouldBe(companies.Count + 1);
        lines[^1].ShouldBeEmpty();
        for (var index = 0; index < companies.Count; index++)
        {
            var read = JsonSerializer.Deserialize<CompanyInput>(lines[index], SnakeCase).ShouldNotBeNull();

            JsonSerializer.Serialize(read, SampleWriter.Options).ShouldBe(lines[index]);
            JsonSerializer.Serialize(companies[index], SampleWriter.Options).ShouldBe(lines[index]);
            CompanyValidator.Validate(read).Error.ShouldBeNull();
        }
    }

    [Fact]
    public async Task ndjson_writes_snake_case_nulls_and_utc_dates()
    {
        var text = await NdjsonAsync(SampleGenerator.Generate(100, seed: 3));

        text.ShouldContain("\"participated_in_beta\":");
        text.ShouldContain("\"enterprise_account\":null");
        text.ShouldContain("\"identity_provider\":null");
        text.ShouldMatch("\"created_at\":\"20[12][0-9]-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\"");
        text.ShouldNotContain("+00:00");
    }

    [Fact]
    public async Task writer_writes_each_company_before_taking_the_next()
    {
        using var output = new MemoryStream();
        var linesWrittenBeforeEach = new List<int>();
        var companies = SampleGenerator.Generate(20, seed: 5).Select(company =>
        {
            linesWrittenBeforeEach.Add(output.ToArray().Count(character => character == (byte)'\n'));
            return company;
        });

        await SampleWriter.WriteNdjsonAsync(companies, output);

        linesWrittenBeforeEach.ShouldBe(Enumerable.Range(0, 20));
    }

    private static MigrationDecision Decide(Company company) =>
        MigrationPolicy.Decide(
            company,
            null,
            new MigrationRequest("{}", "hash", Guid.NewGuid(), Actor.System("test", DateTimeOffset.UnixEpoch)));

    private static IEnumerable<TeamRoleHolder> DistinctUsers(Company company) =>
        company.Teams.SelectMany(team => team.Members).DistinctBy(member => member.UserId);

    private static IEnumerable<TeamRoleHolder> OfficialUsers(Company company) =>
        company.Teams
            .SelectMany(team => team.Members)
            .Where(member => TeamRoles.IsOfficial(member.Role))
            .DistinctBy(member => member.UserId);

    private static async Task<string> NdjsonAsync(IEnumerable<CompanyInput> companies)
    {
        using var output = new MemoryStream();
        await SampleWriter.WriteNdjsonAsync(companies, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
