using System.Runtime.InteropServices;
using Npgsql;

namespace EnterpriseLedger.LoadBench;

/// <summary>The machine and software a run measured, for the report.</summary>
internal sealed record MachineDescription(
    int ProcessorCount, string CpuModel, long MemoryBytes, string OperatingSystem, string Runtime, string Postgres)
{
    public static async Task<MachineDescription> ReadAsync(string connectionString, CancellationToken token)
    {
        return new MachineDescription(
            Environment.ProcessorCount,
            await ReadCpuModelAsync(token),
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            await ReadPostgresVersionAsync(connectionString, token));
    }

    /// <summary>Reads the first "model name" of /proc/cpuinfo; returns "unknown" where that file is missing.</summary>
    private static async Task<string> ReadCpuModelAsync(CancellationToken token)
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return "unknown";
        }

        var line = (await File.ReadAllLinesAsync(cpuInfo, token))
            .FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() ?? "unknown";
    }

    private static async Task<string> ReadPostgresVersionAsync(string connectionString, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (await command.ExecuteScalarAsync(token))?.ToString() ?? "unknown";
    }
}
