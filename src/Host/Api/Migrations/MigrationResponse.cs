using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Migrations;
using EnterpriseLedger.Projections.Migrations;

namespace EnterpriseLedger.Host.Api.Migrations;

/// <summary>A company's migration as the API returns it: the command line's JSON shape for one company.</summary>
public sealed record MigrationResponse(
    Guid? CompanyId,
    string? Company,
    string Outcome,
    IReadOnlyList<string> Reasons,
    MigrationResponse.AccountReference? Account,
    IReadOnlyList<MigrationResponse.Member> Members,
    IReadOnlyList<string> Banner)
{
    public sealed record AccountReference(Guid Id, string? Name);

    public sealed record Member(string Email, IReadOnlyList<string> Permissions);

    public static MigrationResponse From(MigrationResult result) => new(
        result.CompanyId,
        result.Company,
        MigrationOutcomes.ToName(result.Outcome),
        result.Reasons,
        result.AccountId is { } id ? new AccountReference(id, result.AccountName) : null,
        result.Members.Select(m => new Member(m.Email, PermissionNames.ToNames(m.Permissions))).ToList(),
        result.Banner.Select(recipient => recipient.Email).ToList());

    public static MigrationResponse From(MigrationStatusView view) => new(
        view.Id,
        view.Company,
        view.Status,
        view.Reasons,
        view.AccountId is { } id ? new AccountReference(id, view.AccountName) : null,
        [],
        view.BannerEmails);
}
