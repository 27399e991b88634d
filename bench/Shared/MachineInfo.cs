using System.Globalization;
using System.Runtime.InteropServices;

namespace EnterpriseLedger.BenchShared;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(int Processors, string CpuModel, string Memory, string System, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>Returns the 1-minute load average, or NaN where /proc/loadavg does not exist.</summary>
    public static double LoadAverage()
    {
        const string path = "/proc/loadavg";
        var first = File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "";
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : double.NaN;
    }

    private static string ReadCpuModel() => ReadField("/proc/cpuinfo", "model name") ?? "unknown";

    private static string ReadMemory()
    {
        // /proc/meminfo gives "MemTotal:  24580000 kB".
        var total = ReadField("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        return long.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes)
            ? string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0 / 1024.0:F1} GiB")
            : "unknown";
    }

    private static string? ReadField(string path, string name)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(line => line.StartsWith(name, StringComparison.Ordinal))
            .Where(line => line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
