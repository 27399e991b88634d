namespace EnterpriseLedger.AuditBench;

/// <summary>A failed step of the benchmark, such as a missing tool or an export that exited with an error.</summary>
internal sealed class AuditBenchException(string message) : Exception(message);
