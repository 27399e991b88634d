namespace EnterpriseLedger.LoadBench;

/// <summary>A run that cannot measure anything: the data has no usable account, or the first request failed.</summary>
internal sealed class LoadSetupException(string message) : Exception(message);
