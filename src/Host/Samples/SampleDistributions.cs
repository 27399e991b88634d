using Bogus;

namespace EnterpriseLedger.Host.Samples;

/// <summary>The migration outcome a generated company is shaped to reach.</summary>
internal enum SampleOutcome
{
    Migrated,
    Beta,
    MultipleLicensedTeams,
    NoUniversalAdmin,
    BothReasons,
}

/// <summary>
/// Distributions of generated company shapes, skewed so that most companies are small and a few are large.
/// Team counts follow a table whose weights fall by 30 to 45% a step up to nine teams, with a thin tail to 20.
/// User counts are log-normal.
/// </summary>
internal static class SampleDistributions
{
    public const int MaxTeams = 20;
    public const int MinUsers = 2;
    public const int MaxUsers = 500;

    private static readonly (SampleOutcome Outcome, double Weight)[] Outcomes =
    [
        (SampleOutcome.Migrated, 70),
        (SampleOutcome.Beta, 10),
        (SampleOutcome.MultipleLicensedTeams, 9),
        (SampleOutcome.NoUniversalAdmin, 8),
        (SampleOutcome.BothReasons, 3),
    ];

    // Relative weights of 1 to 20 teams.
    private static readonly double[] TeamWeights =
        [40, 22, 13, 8, 5, 3.5, 2.5, 1.8, 1.2, 1, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.2, 0.15, 0.15, 0.1];

    public static SampleOutcome Outcome(Randomizer random) =>
        Pick(random, Outcomes.Select(entry => (entry.Outcome, entry.Weight)).ToList());

    public static bool NeedsTwoTeams(SampleOutcome outcome) =>
        outcome is SampleOutcome.MultipleLicensedTeams
            or SampleOutcome.NoUniversalAdmin
            or SampleOutcome.BothReasons;

    /// <summary>Draws 1 to 20 teams from the table above, but no fewer than <paramref name="minimum"/>.</summary>
    public static int TeamCount(Randomizer random, int minimum)
    {
        var choices = Enumerable.Range(minimum, MaxTeams - minimum + 1)
            .Select(count => (count, TeamWeights[count - 1]))
            .ToList();
        return Pick(random, choices);
    }

    /// <summary>
    /// Draws the number of distinct users, collaborators included: log-normal with a median that grows with the
    /// square root of the team count, no fewer users than teams, and clamped to 2..500.
    /// </summary>
    public static int UserCount(Randomizer random, int teams)
    {
        var median = 7 * Math.Sqrt(teams);
        var drawn = (int)Math.Round(median * Math.Exp(0.9 * StandardNormal(random)));
        return Math.Clamp(drawn, Math.Max(MinUsers, teams), MaxUsers);
    }

    /// <summary>Draws how many users are outside collaborators: none in most companies, at most a quarter.</summary>
    public static int CollaboratorCount(Randomizer random, int users)
    {
        if (users < 5 || !random.Bool(0.4f))
        {
            return 0;
        }

        return Math.Min(users / 4, random.Number(1, 1 + (users / 25)));
    }

    public static T Pick<T>(Randomizer random, IReadOnlyList<(T Value, double Weight)> choices)
    {
        var target = random.Double() * choices.Sum(choice => choice.Weight);
        foreach (var (value, weight) in choices)
        {
            target -= weight;
            if (target < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    // The Box-Muller transform. Taking 1 - u keeps the logarithm's argument above zero.
    private static double StandardNormal(Randomizer random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.Double())) * Math.Cos(2 * Math.PI * random.Double());
}
