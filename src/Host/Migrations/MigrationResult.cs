using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>What happened to one company of a migration run, as the summary and the JSON output show it.</summary>
public sealed record MigrationResult(
    string File,
    int Position,
    Guid? CompanyId,
    string? Company,
    MigrationOutcome Outcome,
    IReadOnlyList<string> Reasons,
    Guid? AccountId,
    string? AccountName,
    IReadOnlyList<MigratedMember> Members,
    IReadOnlyList<BannerRecipient> Banner,
    string? Error)
{
    public static MigrationResult Invalid(InputItem item, string error) =>
        new(item.File, item.Position, item.CompanyId, item.CompanyName, MigrationOutcome.Invalid,
            [], null, null, [], [], error);

    public static MigrationResult From(InputItem item, Company company, MigrationDecision decision) =>
        new(item.File, item.Position, company.Id, company.Name, decision.Outcome, decision.Reasons,
            decision.AccountId, decision.AccountName, decision.Members, decision.BannerRecipients, null);
}
