using System.Text;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Last lines of a program's output or of a log file, for error messages.
/// </summary>
internal static class TextTail
{
    // Enough for the last 20 lines of a PostgreSQL server log without reading a log that grew for months.
    private const int MaxFileBytes = 16 * 1024;

    public static string LastLines(string text, int count)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(Environment.NewLine, lines.TakeLast(count));
    }

    public static string LastLinesOfFile(string path, int count)
    {
        if (!File.Exists(path))
        {
            return $"(no file at {path})";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Max(0, stream.Length - MaxFileBytes), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return LastLines(reader.ReadToEnd(), count);
    }
}
