using EnterpriseLedger.Domain.Migrations;
using Marten.Events.Aggregation;

namespace EnterpriseLedger.Projections.Migrations;

/// <summary>
/// A company's migration status. While the company is blocked, <see cref="BannerEmails"/> lists who sees the
/// banner; it empties when a later submission migrates the company.
/// </summary>
public sealed class MigrationStatusView
{
    public Guid Id { get; set; }

    public string Company { get; set; } = "";

    public string Status { get; set; } = "requested";

    public List<string> Reasons { get; set; } = [];

    public Guid? AccountId { get; set; }

    public string? AccountName { get; set; }

    public List<string> BannerEmails { get; set; } = [];

    public int Attempts { get; set; }

    /// <summary>The hex SHA-256 of the last input received, to recognise a resubmission of the same input.</summary>
    public string InputSha256 { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>Builds <see cref="MigrationStatusView"/> from a company's migration stream.</summary>
public sealed partial class MigrationStatusProjection : SingleStreamProjection<MigrationStatusView, Guid>
{
    public MigrationStatusView Create(MigrationRequested requested) =>
        Apply(requested, new MigrationStatusView { Id = requested.CompanyId });

    public MigrationStatusView Apply(MigrationRequested requested, MigrationStatusView view)
    {
        view.Company = requested.CompanyName;
        view.InputSha256 = requested.InputSha256;
        view.Status = "requested";
        view.Attempts++;
        view.UpdatedAt = requested.Actor.At;
        return view;
    }

    public void Apply(MigrationBlocked blocked, MigrationStatusView view)
    {
        view.Status = MigrationOutcomes.ToName(MigrationOutcome.Blocked);
        view.Reasons = blocked.Reasons.ToList();
        view.BannerEmails = blocked.BannerRecipients.Select(recipient => recipient.Email).ToList();
    }

    public void Apply(MigrationCompleted completed, MigrationStatusView view) =>
        SetAccount(view, MigrationOutcome.Migrated, completed.AccountId, completed.AccountName);

    public void Apply(MigrationNotRequired notRequired, MigrationStatusView view) =>
        SetAccount(view, MigrationOutcome.NotRequired, notRequired.AccountId, notRequired.AccountName);

    private static void SetAccount(MigrationStatusView view, MigrationOutcome outcome, Guid accountId, string name)
    {
        view.Status = MigrationOutcomes.ToName(outcome);
        view.Reasons = [];
        view.BannerEmails = [];
        view.AccountId = accountId;
        view.AccountName = name;
    }
}
