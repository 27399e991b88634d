namespace EnterpriseLedger.AuditBench;

/// <summary>An invalid command line.</summary>
internal sealed class AuditBenchUsageException(string message) : Exception(message);
