namespace EnterpriseLedger.Bench;

/// <summary>An invalid command line, or a database that the benchmark must not reset.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
