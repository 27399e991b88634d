using Bogus;
using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Samples;

/// <summary>
/// Builds one generated company after another from a single seeded <see cref="Randomizer"/>, so a seed always
/// gives the same batch. It keeps the names it has handed out (a few per company, never the companies), because
/// team names become account names, which must be unique across the batch.
/// </summary>
internal sealed class SampleCompanyFactory
{
    private const string TopLevelDomain = ".test";

    private static readonly DateTimeOffset FirstDate = new(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastDate = new(2022, 12, 31, 23, 59, 59, TimeSpan.Zero);

    private static readonly string[] TeamSuffixes =
    [
        "web", "api", "mobile", "data", "platform", "payments", "search", "infra", "ops", "growth", "ml",
        "analytics", "internal-tools", "marketing", "checkout", "identity", "staging", "sandbox", "labs", "edge",
    ];

    private static readonly string[] ContractorSuffixes = ["consulting", "digital", "labs", "partners", "studio"];

    private readonly Randomizer random;
    private readonly Faker faker;
    private readonly HashSet<string> takenNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> takenCollaboratorEmails = new(StringComparer.Ordinal);
    private readonly List<string> contractorDomains;

    public SampleCompanyFactory(int seed)
    {
        random = new Randomizer(seed);
        faker = new Faker("en") { Random = random };

        // Reserved like company names, so that no company's email domain is also a contractor's.
        contractorDomains = Enumerable.Range(0, 30)
            .Select(_ => SampleNames.Slug(faker.Company.CompanyName(), 30))
            .Select(firm => Reserve($"{firm}-{random.ArrayElement(ContractorSuffixes)}") + TopLevelDomain)
            .ToList();
    }

    public CompanyInput Next()
    {
        var outcome = SampleDistributions.Outcome(random);
        var minimumTeams = SampleDistributions.NeedsTwoTeams(outcome) ? 2 : 1;
        var teamCount = SampleDistributions.TeamCount(random, minimumTeams);
        var userCount = SampleDistributions.UserCount(random, teamCount);
        var collaboratorCount = SampleDistributions.CollaboratorCount(random, userCount);
        var adminRole = random.Bool(0.08f) ? "owner" : "admin";

        var companyId = random.Guid();
        var name = Reserve(SampleNames.Slug(faker.Company.CompanyName(), 40));
        var officials = Officials(name, userCount - collaboratorCount);
        var teams = Teams(name, teamCount);
        var admins = AssignAdmins(teams, officials, outcome, adminRole);
        AssignMembers(teams, officials.Except(admins), adminRole);
        AssignCollaborators(teams, collaboratorCount);
        AssignLicenses(teams, outcome);

        var account = outcome == SampleOutcome.Beta ? BetaAccount(name, officials, admins) : null;
        var teamInputs = teams.Select(team => team.ToInput()).ToList();
        return new CompanyInput(new CompanyReference(companyId, name), account is not null, account, teamInputs);
    }

    private List<SamplePerson> Officials(string company, int count)
    {
        var twoFactorShare = random.Bool(0.35f) ? 1.0 : random.Double(0.5, 0.9);
        var provider = random.Bool(0.3f) ? new IdentityProviderReference(random.Guid(), $"{company}-sso") : null;
        var federatedShare = random.Double(0.75, 1.0);
        var initialStyle = random.Bool(0.3f);
        var emails = new HashSet<string>(StringComparer.Ordinal);

        var officials = new List<SamplePerson>(count);
        for (var index = 0; index < count; index++)
        {
            var local = SampleNames.EmailLocalPart(faker.Name.FirstName(), faker.Name.LastName(), initialStyle);
            var email = SampleNames.Reserve(emails, local, "", $"@{company}{TopLevelDomain}");
            var twoFactor = random.Double() < twoFactorShare;
            var federated = provider is not null && random.Double() < federatedShare;
            officials.Add(new SamplePerson(random.Guid(), email, twoFactor, federated ? provider : null));
        }

        return officials;
    }

    /// <summary>Names the first and oldest team after the company, and the others after what they work on.</summary>
    private List<SampleTeamDraft> Teams(string company, int count)
    {
        var founded = Between(FirstDate, LastDate.AddYears(-1));
        var teams = new List<SampleTeamDraft> { new(random.Guid(), company, founded) };
        var suffixes = random.Shuffle(TeamSuffixes).Take(count - 1).ToList();
        foreach (var suffix in suffixes)
        {
            teams.Add(new SampleTeamDraft(random.Guid(), Reserve($"{company}-{suffix}"), Between(founded, LastDate)));
        }

        return teams;
    }

    /// <summary>
    /// Makes one to three users admin on every team, or, for a company meant to lack one, leaves one team out of
    /// its lead admin's reach: the usual way a company ends up with no universal admin.
    /// </summary>
    private List<SamplePerson> AssignAdmins(
        List<SampleTeamDraft> teams, List<SamplePerson> officials, SampleOutcome outcome, string adminRole)
    {
        if (outcome is SampleOutcome.NoUniversalAdmin or SampleOutcome.BothReasons)
        {
            var (lead, deputy) = (officials[0], officials[1]);
            var excluded = teams[random.Number(1, teams.Count - 1)];
            teams.Where(team => team != excluded).ToList().ForEach(team => team.Add(lead, adminRole));
            excluded.Add(deputy, adminRole);
            if (random.Bool(0.5f))
            {
                excluded.Add(lead, "member");
            }

            return [lead, deputy];
        }

        var count = Math.Min(officials.Count, 1 + (random.Bool(0.35f) ? 1 : 0) + (random.Bool(0.1f) ? 1 : 0));
        var admins = officials.Take(count).ToList();
        teams.ForEach(team => admins.ForEach(admin => team.Add(admin, adminRole)));
        return admins;
    }

    /// <summary>
    /// Gives each other user a home team, the main one more often, and lets some join further teams. An admin of a
    /// home team is admin there only, so in a company of two or more teams they never become universal admins.
    /// </summary>
    private void AssignMembers(List<SampleTeamDraft> teams, IEnumerable<SamplePerson> people, string adminRole)
    {
        foreach (var person in people)
        {
            var home = random.Bool(0.4f) ? teams[0] : random.ListItem(teams);
            home.Add(person, random.Bool(0.06f) ? adminRole : OrdinaryRole());
            foreach (var team in teams.Where(team => team != home))
            {
                if (random.Bool(0.12f))
                {
                    team.Add(person, OrdinaryRole());
                }
            }
        }
    }

    private void AssignCollaborators(List<SampleTeamDraft> teams, int count)
    {
        for (var index = 0; index < count; index++)
        {
            var local = SampleNames.EmailLocalPart(faker.Name.FirstName(), faker.Name.LastName(), initialStyle: false);
            var domain = random.ListItem(contractorDomains);
            var email = SampleNames.Reserve(takenCollaboratorEmails, local, "", $"@{domain}");
            var person = new SamplePerson(random.Guid(), email, random.Bool(0.6f), IdentityProvider: null);

            var joined = teams.Count > 1 && random.Bool(0.3f) ? 2 : 1;
            random.Shuffle(teams).Take(joined).ToList().ForEach(team => team.Add(person, "collaborator"));
        }
    }

    /// <summary>Licenses at most one team, usually the main one, unless the company is meant to have several.</summary>
    private void AssignLicenses(List<SampleTeamDraft> teams, SampleOutcome outcome)
    {
        var several = outcome is SampleOutcome.MultipleLicensedTeams or SampleOutcome.BothReasons;
        var licensed = several ? random.Number(2, Math.Min(teams.Count, 3)) : random.Bool(0.45f) ? 1 : 0;
        var others = random.Shuffle(teams.Skip(1)).ToList();
        var order = random.Bool(0.75f) ? others.Prepend(teams[0]) : others.Append(teams[0]);
        foreach (var team in order.Take(licensed))
        {
            team.ProvisionedLicenses = true;
        }
    }

    /// <summary>Makes every official user a member with view, and gives the admins manage as well.</summary>
    private BetaAccountInput BetaAccount(string name, List<SamplePerson> officials, List<SamplePerson> admins)
    {
        var members = officials
            .Select(person => new BetaMemberInput(
                new UserReference(person.Id, person.Email), BetaPermissions(admins.Contains(person))))
            .ToList();
        return new BetaAccountInput(random.Guid(), name, members);
    }

    private List<string?> BetaPermissions(bool admin)
    {
        List<string?> permissions = ["view"];
        if (random.Bool(admin ? 0.7f : 0.05f))
        {
            permissions.Add("billing");
        }

        if (admin)
        {
            permissions.Add("manage");
        }

        if (random.Bool(admin ? 0.8f : 0.25f))
        {
            permissions.Add("create");
        }

        return permissions;
    }

    private string OrdinaryRole() => random.Bool(0.2f) ? "viewer" : "member";

    private string Reserve(string name) => SampleNames.Reserve(takenNames, name, "-", "");

    private DateTimeOffset Between(DateTimeOffset start, DateTimeOffset end) =>
        start.AddSeconds(Math.Floor(random.Double() * (end - start).TotalSeconds));
}
