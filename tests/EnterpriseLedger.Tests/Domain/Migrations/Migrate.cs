using System.Security.Cryptography;
using System.Text;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;
using Shouldly;

namespace EnterpriseLedger.Tests.Domain.Migrations;

/// <summary>Runs <see cref="MigrationPolicy.Decide"/> and reads the streams that its decision appends to.</summary>
internal static class Migrate
{
    public static readonly Guid NewAccountId = Guid.Parse("a0000000-0000-4000-8000-0000000000ee");

    public static readonly Actor Runner =
        Actor.System("migration", new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero));

    public static MigrationRequest Request(string input) =>
        new(input, Sha256(input), NewAccountId, Runner);

    /// <summary>Decides the company's migration, with <paramref name="input"/> in place of the raw JSON.</summary>
    public static MigrationDecision Run(Company company, CompanyMigration? current = null, string input = "input-1") =>
        MigrationPolicy.Decide(company, current, Request(input));

    public static string Sha256(string input) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));

    public static StreamAppend Stream(MigrationDecision decision, Guid streamId) =>
        decision.Appends.Where(append => append.StreamId == streamId).ShouldHaveSingleItem();

    public static IReadOnlyList<object> CompanyEvents(MigrationDecision decision) =>
        Stream(decision, CompanyBuilder.CompanyId).Events;

    /// <summary>Folds the new account's stream from the decision into the account.</summary>
    public static EnterpriseAccount Account(MigrationDecision decision) =>
        Given.Account([.. Stream(decision, decision.AccountId.ShouldNotBeNull()).Events]);

    /// <summary>Folds the events in <paramref name="history"/>, then the decision's, into the migration.</summary>
    public static CompanyMigration StateAfter(MigrationDecision decision, params object[] history) =>
        Given.Migration([.. history, .. CompanyEvents(decision)]);
}
