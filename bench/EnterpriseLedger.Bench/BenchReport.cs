namespace EnterpriseLedger.Bench;

/// <summary>Everything the Markdown report shows.</summary>
internal sealed record BenchReport(
    BenchOptions Options,
    MachineInfo Machine,
    string Database,
    long InputBytes,
    IReadOnlyList<(string Step, TimeSpan Median)> ClientSteps,
    IReadOnlyList<RunMeasurement> Runs);
