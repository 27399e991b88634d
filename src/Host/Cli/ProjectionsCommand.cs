using System.Globalization;
using EnterpriseLedger.Host.Hosting;
using EnterpriseLedger.Host.ProjectionCheck;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>projections check [NAME] [--limit N] [--output text|json]</c>: rebuilds each document projection, or the
/// one named, into a scratch schema from the same events, and reports the documents on which the live view
/// drifted from the rebuild. Exits 0 without drift and 1 with drift. <c>projections rebuild</c> is Marten's own
/// command and goes to the host.
/// </summary>
public static class ProjectionsCommand
{
    public const string Usage = "projections check [NAME] [--limit 10] [--output text|json]";

    private const int DefaultLimit = 10;
    private const int MaxValueLength = 100;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("projections check", args, "limit", "output");
        var limit = arguments.IntOption("limit", DefaultLimit, 0, int.MaxValue);
        var output = arguments.OneOf("output", "text", "text", "json");
        if (arguments.Positionals.Count > 1)
        {
            throw new CliException(
                $"Unexpected argument '{arguments.Positionals[1]}'; usage: ./ledger {Usage}.");
        }

        var configuration = LedgerConfiguration.Build([]);
        var connectionString = await LedgerDatabase.ResolveConnectionStringAsync(configuration, cancellationToken);
        await using var liveStore = LedgerStore.Create(connectionString);
        var catalog = ProjectionCatalog.Of(liveStore.Options);
        var projections = Select(catalog, arguments.Positionals.Count == 1 ? arguments.Positionals[0] : null);

        var checker = new ProjectionChecker(connectionString, Console.Error);
        var comparisons = await checker.CheckAsync(projections, limit, cancellationToken);
        if (output == "json")
        {
            WriteJson(comparisons);
        }
        else
        {
            await WriteTextAsync(Console.Out, comparisons);
        }

        return comparisons.Any(comparison => comparison.HasDrift) ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static IReadOnlyList<CheckedProjection> Select(ProjectionCatalog catalog, string? name)
    {
        if (name is null)
        {
            return catalog.Documents;
        }

        var names = string.Join(", ", catalog.Documents.Select(projection => projection.Name));
        if (catalog.Find(name) is { } projection)
        {
            return [projection];
        }

        throw new CliException(catalog.IsOther(name)
            ? $"{name} writes tables of its own rather than Marten documents, so check cannot compare it "
                + $"(the audit log's entries carry database times and a hash chain). Projections to check: {names}."
            : $"Unknown projection '{name}'. Projections to check: {names}.");
    }

    private static void WriteJson(IReadOnlyList<ViewComparison> comparisons) =>
        LedgerJson.Write(comparisons.Select(comparison => new
        {
            comparison.Projection,
            comparison.Table,
            comparison.LiveCount,
            comparison.RebuiltCount,
            comparison.Missing,
            comparison.Extra,
            comparison.Changed,
            Documents = comparison.Listed.Select(drift => new { drift.Id, Kind = KindName(drift.Kind), drift.Fields }),
        }));

    private static async Task WriteTextAsync(TextWriter writer, IReadOnlyList<ViewComparison> comparisons)
    {
        foreach (var comparison in comparisons)
        {
            await writer.WriteLineAsync(Summary(comparison));
            foreach (var drift in comparison.Listed)
            {
                await WriteDriftAsync(writer, drift);
            }

            await WriteUnlistedAsync(writer, comparison);
        }

        var drifted = comparisons.Count(comparison => comparison.HasDrift);
        var views = comparisons.Count == 1 ? "1 view" : $"{comparisons.Count} views";
        await writer.WriteLineAsync(drifted == 0 ? $"No drift in {views}." : $"Drift in {drifted} of {views}.");
    }

    private static string Summary(ViewComparison comparison)
    {
        var counts = Text($"{comparison.LiveCount:N0} live, {comparison.RebuiltCount:N0} rebuilt");
        var drift = Enum.GetValues<DriftKind>()
            .Where(kind => Total(comparison, kind) > 0)
            .Select(kind => Text($"{Total(comparison, kind):N0} {Describe(kind)}"))
            .ToList();
        var verdict = drift.Count == 0 ? "no drift" : string.Join(", ", drift);
        return $"{comparison.Projection} ({comparison.Table}): {counts}: {verdict}";
    }

    private static async Task WriteDriftAsync(TextWriter writer, DocumentDrift drift)
    {
        await writer.WriteLineAsync($"  {Describe(drift.Kind)}: {drift.Id}");
        foreach (var field in drift.Fields)
        {
            await writer.WriteLineAsync($"    {field.Path}: live {Value(field.Live)}, rebuilt {Value(field.Rebuilt)}");
        }
    }

    private static async Task WriteUnlistedAsync(TextWriter writer, ViewComparison comparison)
    {
        foreach (var kind in Enum.GetValues<DriftKind>())
        {
            var unlisted = Total(comparison, kind) - comparison.Listed.Count(drift => drift.Kind == kind);
            if (unlisted > 0)
            {
                await writer.WriteLineAsync(
                    Text($"  {unlisted:N0} more {KindName(kind)} documents not listed; a higher --limit lists them"));
            }
        }
    }

    private static long Total(ViewComparison comparison, DriftKind kind) => kind switch
    {
        DriftKind.Missing => comparison.Missing,
        DriftKind.Extra => comparison.Extra,
        _ => comparison.Changed,
    };

    private static string Describe(DriftKind kind) => kind switch
    {
        DriftKind.Missing => "missing from the live view",
        DriftKind.Extra => "extra in the live view",
        _ => "changed",
    };

    private static string KindName(DriftKind kind) => kind.ToString().ToLowerInvariant();

    private static string Value(string? json) => json switch
    {
        null => "absent",
        { Length: > MaxValueLength } => json[..MaxValueLength] + "…",
        _ => json,
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
