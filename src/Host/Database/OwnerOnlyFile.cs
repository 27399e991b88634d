using System.Runtime.Versioning;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Writes files that only their owner can read (mode 0600), for passwords.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Replaces the file with one line of content. The file never exists with wider permissions, even briefly.
    /// </summary>
    public static void Write(string path, string content)
    {
        var temporaryPath = path + ".tmp";
        File.Delete(temporaryPath);

        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerReadWrite,
        };
        using (var writer = new StreamWriter(temporaryPath, options))
        {
            writer.WriteLine(content);
        }

        File.Move(temporaryPath, path, overwrite: true);
    }
}
