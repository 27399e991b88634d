using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;

namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// Turns untrusted migration input into a <see cref="Company"/>, or reports the first invalid value with its
/// JSON path. A company is all or nothing: one invalid value rejects the whole company.
/// </summary>
public static class CompanyValidator
{
    public static (Company? Company, InputError? Error) Validate(CompanyInput input)
    {
        try
        {
            return (Build(input), null);
        }
        catch (InvalidInputException invalid)
        {
            return (null, invalid.Error);
        }
    }

    private static Company Build(CompanyInput input)
    {
        var company = Require(input.Company, "$.company");
        var id = RequireId(company.Id, "$.company.id");
        var name = RequireText(company.Name, "$.company.name");
        var teams = BuildTeams(input.Teams);
        CheckUsers(teams);

        var beta = Require(input.ParticipatedInBeta, "$.participated_in_beta");
        var account = beta ? BetaAccountValidator.Build(input.EnterpriseAccount, teams) : null;
        if (!beta && input.EnterpriseAccount is not null)
        {
            Fail("$.enterprise_account", "must be null for a company that did not take part in the beta");
        }

        return new Company(id, name, teams, account);
    }

    private static List<Team> BuildTeams(IReadOnlyList<TeamInput?>? input)
    {
        var teams = Require(input, "$.teams");
        if (teams.Count == 0)
        {
            Fail("$.teams", "a company needs at least one team");
        }

        var built = teams.Select((team, index) => BuildTeam(team, $"$.teams[{index}]")).ToList();
        CheckUnique(built.Select(team => team.Id.ToString()), "$.teams[{0}].id", "team id");
        CheckUnique(built.Select(team => team.Name), "$.teams[{0}].name", "team name");
        return built;
    }

    private static Team BuildTeam(TeamInput? input, string path)
    {
        var team = Require(input, path);
        var name = RequireText(team.Name, $"{path}.name");
        if (!TeamNames.IsValid(name))
        {
            Fail($"{path}.name", TeamNames.Describe(name));
        }

        var members = Require(team.Members, $"{path}.members")
            .Select((member, index) => BuildMember(member, $"{path}.members[{index}]"))
            .ToList();
        CheckUnique(members.Select(member => member.UserId.ToString()), $"{path}.members[{{0}}].user.id", "user");

        return new Team(
            RequireId(team.Id, $"{path}.id"),
            name,
            Require(team.CreatedAt, $"{path}.created_at"),
            Require(team.ProvisionedLicenses, $"{path}.provisioned_licenses"),
            members);
    }

    private static TeamRoleHolder BuildMember(TeamMemberInput? input, string path)
    {
        var member = Require(input, path);
        var (userId, email) = BuildUser(member.User, $"{path}.user");
        var roleName = RequireText(member.Role, $"{path}.role");
        if (!TeamRoles.TryParse(roleName, out var role))
        {
            Fail($"{path}.role", $"unknown role '{member.Role}'; expected one of {string.Join(", ", TeamRoles.Names)}");
        }

        var security = new MemberSecurity(
            member.TwoFactorAuthentication ?? false,
            member.Federated ?? false,
            member.IdentityProvider?.Name);
        return new TeamRoleHolder(userId, email, role, security);
    }

    internal static (Guid Id, string Email) BuildUser(UserReference? input, string path)
    {
        var user = Require(input, path);
        var id = RequireId(user.Id, $"{path}.id");
        var email = RequireText(user.Email, $"{path}.email");
        if (!EmailAddress.IsValid(email))
        {
            Fail($"{path}.email", $"malformed email '{email}'");
        }

        return (id, EmailAddress.Normalize(email));
    }

    /// <summary>Rejects one email with two user ids, or one user id with two emails, anywhere in the company.</summary>
    private static void CheckUsers(List<Team> teams)
    {
        var idsByEmail = new Dictionary<string, Guid>();
        var emailsById = new Dictionary<Guid, string>();
        for (var teamIndex = 0; teamIndex < teams.Count; teamIndex++)
        {
            for (var memberIndex = 0; memberIndex < teams[teamIndex].Members.Count; memberIndex++)
            {
                var member = teams[teamIndex].Members[memberIndex];
                var path = $"$.teams[{teamIndex}].members[{memberIndex}].user";
                if (idsByEmail.TryGetValue(member.Email, out var knownId) && knownId != member.UserId)
                {
                    Fail($"{path}.id", $"email {member.Email} is used by two user ids, {knownId} and {member.UserId}");
                }

                if (emailsById.TryGetValue(member.UserId, out var knownEmail) && knownEmail != member.Email)
                {
                    Fail($"{path}.email", $"user {member.UserId} has two emails, {knownEmail} and {member.Email}");
                }

                idsByEmail[member.Email] = member.UserId;
                emailsById[member.UserId] = member.Email;
            }
        }
    }

    internal static void CheckUnique(IEnumerable<string> values, string pathFormat, string description)
    {
        var seen = new HashSet<string>();
        var index = 0;
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                Fail(string.Format(null, pathFormat, index), $"duplicate {description} '{value}'");
            }

            index++;
        }
    }

    internal static T Require<T>(T? value, string path) where T : class =>
        value ?? throw new InvalidInputException(new InputError(path, "missing value"));

    internal static T Require<T>(T? value, string path) where T : struct =>
        value ?? throw new InvalidInputException(new InputError(path, "missing value"));

    internal static Guid RequireId(Guid? value, string path) =>
        value is { } id && id != Guid.Empty ? id : throw new InvalidInputException(new InputError(path, "missing id"));

    internal static string RequireText(string? value, string path) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidInputException(new InputError(path, "missing value"))
            : value;

    internal static void Fail(string path, string message) =>
        throw new InvalidInputException(new InputError(path, message));
}

/// <summary>
/// Carries an <see cref="InputError"/> out of the nested validation steps; never leaves the validator.
/// </summary>
internal sealed class InvalidInputException(InputError error) : Exception(error.ToString())
{
    public InputError Error { get; } = error;
}
