namespace EnterpriseLedger.BenchShared;

internal static class Statistics
{
    /// <summary>Returns the middle value, or the mean of the two middle values of an even count.</summary>
    public static TimeSpan Median(IEnumerable<TimeSpan> values) =>
        TimeSpan.FromTicks((long)Median(values.Select(value => (double)value.Ticks)));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
