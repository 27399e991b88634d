using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Samples;

/// <summary>A generated user, who signs in through the company's identity provider when one is set.</summary>
internal sealed record SamplePerson(Guid Id, string Email, bool TwoFactor, IdentityProviderReference? IdentityProvider);

/// <summary>A team being generated. A user keeps the first role given on it, and later ones are ignored.</summary>
internal sealed class SampleTeamDraft(Guid id, string name, DateTimeOffset createdAt)
{
    private readonly List<TeamMemberInput> members = [];
    private readonly HashSet<Guid> memberIds = [];

    public bool ProvisionedLicenses { get; set; }

    public void Add(SamplePerson person, string role)
    {
        if (!memberIds.Add(person.Id))
        {
            return;
        }

        var user = new UserReference(person.Id, person.Email);
        var federated = person.IdentityProvider is not null;
        members.Add(new TeamMemberInput(user, role, person.TwoFactor, federated, person.IdentityProvider));
    }

    public TeamInput ToInput() => new(id, name, createdAt, ProvisionedLicenses, members);
}
