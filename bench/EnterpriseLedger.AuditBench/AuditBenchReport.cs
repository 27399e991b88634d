namespace EnterpriseLedger.AuditBench;

/// <summary>Everything the Markdown report shows.</summary>
internal sealed record AuditBenchReport(
    AuditBenchOptions Options,
    MachineInfo Machine,
    string ServerVersion,
    SeedResult LargeSeed,
    SeedResult SmallSeed,
    ExportProbe Probe,
    IReadOnlyList<Measurement> Measurements);
