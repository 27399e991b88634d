using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Tests.Domain.Migrations;

/// <summary>Builds one team of a <see cref="CompanyBuilder"/> company. Each field can be set to null.</summary>
internal sealed class TeamBuilder(string name, DateTimeOffset createdAt)
{
    private readonly List<TeamMemberInput?> members = [];
    private Guid? id = CompanyBuilder.TeamId(name);
    private string? teamName = name;
    private DateTimeOffset? created = createdAt;
    private bool? licensed = false;
    private bool membersMissing;

    public TeamBuilder Licensed()
    {
        licensed = true;
        return this;
    }

    public TeamBuilder CreatedAt(DateTimeOffset? at)
    {
        created = at;
        return this;
    }

    public TeamBuilder WithId(Guid? teamId)
    {
        id = teamId;
        return this;
    }

    public TeamBuilder WithName(string? newName)
    {
        teamName = newName;
        return this;
    }

    public TeamBuilder WithLicenses(bool? provisioned)
    {
        licensed = provisioned;
        return this;
    }

    public TeamBuilder WithoutMembers()
    {
        membersMissing = true;
        return this;
    }

    /// <summary>Adds the user with this handle in the given role, which may be any string or null.</summary>
    public TeamBuilder With(string user, string? role) =>
        With(CompanyBuilder.UserId(user), CompanyBuilder.Email(user), role);

    public TeamBuilder With(Guid? userId, string? email, string? role) =>
        WithInput(new TeamMemberInput(new UserReference(userId, email), role, false, false, null));

    public TeamBuilder WithInput(TeamMemberInput? member)
    {
        members.Add(member);
        return this;
    }

    public TeamInput Build() => new(id, teamName, created, licensed, membersMissing ? null : members.ToList());
}
