namespace EnterpriseLedger.AuditBench;

/// <summary>The medians of one export case over its runs.</summary>
internal sealed record MedianRow(
    ExportCase Case,
    long Entries,
    double Megabytes,
    double Seconds,
    double MegabytesPerSecond,
    double EntriesPerSecond,
    double CpuSeconds,
    double PeakMegabytes)
{
    /// <summary>Returns one row per case, in the order in which the cases first ran.</summary>
    public static IReadOnlyList<MedianRow> Of(IEnumerable<Measurement> measurements) =>
        [.. measurements
            .GroupBy(measurement => (measurement.Case.IsLedger, measurement.Case.Format, measurement.Case.Account.Id))
            .Select(group => new MedianRow(
                group.First().Case,
                (long)Statistics.Median(group.Select(measurement => (double)measurement.Entries)),
                Statistics.Median(group.Select(measurement => measurement.Megabytes)),
                Statistics.Median(group.Select(measurement => measurement.Usage.WallSeconds)),
                Statistics.Median(group.Select(measurement => measurement.MegabytesPerSecond)),
                Statistics.Median(group.Select(measurement => measurement.EntriesPerSecond)),
                Statistics.Median(group.Select(measurement => measurement.Usage.CpuSeconds)),
                Statistics.Median(group.Select(measurement => measurement.Usage.MaxResidentMegabytes))))];

    /// <summary>Returns the COPY baseline of this row's account and format, or null when this row is a COPY.</summary>
    public MedianRow? Baseline(IEnumerable<MedianRow> rows) => Case.IsLedger
        ? rows.FirstOrDefault(row => !row.Case.IsLedger && row.Case.Format == Case.Format
            && row.Case.Account.Id == Case.Account.Id)
        : null;

    /// <summary>Returns this row's entries/s as a fraction of the baseline's.</summary>
    public double SpeedRatio(MedianRow baseline) => EntriesPerSecond / baseline.EntriesPerSecond;
}
