namespace EnterpriseLedger.LoadBench;

/// <summary>An invalid command line. The message names the option and the expected value.</summary>
internal sealed class LoadUsageException(string message) : Exception(message);
