namespace EnterpriseLedger.Bench;

/// <summary>One timed migration and the COPY of as many rows that followed it.</summary>
/// <param name="ClientCpu">Processor time of this process during the migration, on all its threads.</param>
/// <param name="LoadAverage">The machine's 1-minute load average when the migration started.</param>
internal sealed record RunMeasurement(
    string Variant,
    int BatchSize,
    int Run,
    int Companies,
    TimeSpan Migration,
    TimeSpan ClientCpu,
    double LoadAverage,
    long Events,
    string Outcomes,
    TimeSpan Copy,
    int CopyRows)
{
    public double CompaniesPerSecond => Companies / Migration.TotalSeconds;

    public double EventsPerSecond => Events / Migration.TotalSeconds;

    public double CopyRowsPerSecond => CopyRows / Copy.TotalSeconds;

    /// <summary>The migration's events per second over the COPY's rows per second, 1 being as fast as COPY.</summary>
    public double Ratio => EventsPerSecond / CopyRowsPerSecond;
}
