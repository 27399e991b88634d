namespace EnterpriseLedger.AuditBench;

/// <summary>One timed run of an export case: the entries it covered, the bytes it wrote and what it used.</summary>
internal sealed record Measurement(ExportCase Case, int Run, double LoadBefore, long Entries, long Bytes,
    ResourceUsage Usage)
{
    public double Megabytes => Bytes / 1e6;

    public double MegabytesPerSecond => Megabytes / Usage.WallSeconds;

    public double EntriesPerSecond => Entries / Usage.WallSeconds;
}
