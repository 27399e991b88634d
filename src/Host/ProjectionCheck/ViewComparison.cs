namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>The comparison of one document table between the live schema and the rebuild.</summary>
/// <param name="Listed">The first drifted documents of each kind, in id order, up to the check's limit.</param>
public sealed record ViewComparison(
    string Projection,
    string Table,
    long LiveCount,
    long RebuiltCount,
    long Missing,
    long Extra,
    long Changed,
    IReadOnlyList<DocumentDrift> Listed)
{
    public bool HasDrift => Missing + Extra + Changed > 0;
}
