namespace EnterpriseLedger.Domain.Migrations;

/// <summary>
/// Records the Enterprise Account that a beta company already has, exactly as given, with its teams under it.
/// </summary>
internal static class BetaAccountRecorder
{
    public static MigrationDecision Record(
        Company company, BetaAccount beta, CompanyMigration? current, MigrationRequested requested)
    {
        var members = beta.Members
            .Select(member => new MigratedMember(member.UserId, member.Email, member.Permissions))
            .OrderBy(member => member.Email, StringComparer.Ordinal)
            .ToList();
        var notRequired = new MigrationNotRequired(company.Id, beta.Id, beta.Name, requested.Actor);

        var appends = AccountBuilder.AccountAppends(company, beta.Id, beta.Name, members, requested.Actor);
        appends.Add(new StreamAppend(company.Id, current is null, [requested, notRequired]));
        return new MigrationDecision(MigrationOutcome.NotRequired, [], beta.Id, beta.Name, members, [], null, appends);
    }
}
