using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Samples;

/// <summary>
/// Generates batches of migration input that look like real Enterprise Teams exports: mostly small companies with
/// a few large ones, overlapping team memberships, outside collaborators, single sign-on for some companies, and
/// roughly 70% migrated, 10% beta and 20% blocked companies. Every company passes <see cref="CompanyValidator"/>.
/// </summary>
public static class SampleGenerator
{
    /// <summary>
    /// Generates <paramref name="companies"/> companies one at a time. The same seed gives the same companies with
    /// the same ids, and a shorter batch is the start of a longer one with the same seed.
    /// </summary>
    public static IEnumerable<CompanyInput> Generate(int companies, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(companies);
        return GenerateLazily(companies, seed);
    }

    private static IEnumerable<CompanyInput> GenerateLazily(int companies, int seed)
    {
        var factory = new SampleCompanyFactory(seed);
        for (var index = 0; index < companies; index++)
        {
            yield return factory.Next();
        }
    }
}
