using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Npgsql;

namespace EnterpriseLedger.Host.Database;

/// <summary>
/// TCP port and superuser password of the embedded cluster, chosen at initialization and kept in the data folder.
/// </summary>
/// <remarks>A class, not a record, so that no generated ToString can print the password.</remarks>
internal sealed class ClusterCredentials(int port, string password)
{
    public const string UserName = "ledger";

    private const string PasswordCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int PasswordLength = 32;

    public int Port { get; } = port;

    public string Password { get; } = password;

    public static ClusterCredentials Generate() =>
        new(PickFreePort(), RandomNumberGenerator.GetString(PasswordCharacters, PasswordLength));

    /// <exception cref="EmbeddedPostgresException">A file is missing or does not contain a valid value.</exception>
    public static ClusterCredentials Load(ClusterLayout layout)
    {
        var portText = ReadRequired(layout.PortFile, layout);
        if (!int.TryParse(portText, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new EmbeddedPostgresException(
                $"The port file {layout.PortFile} does not contain a TCP port number (1-65535).");
        }

        return new ClusterCredentials(port, ReadRequired(layout.PasswordFile, layout));
    }

    [UnsupportedOSPlatform("windows")]
    public void Save(ClusterLayout layout)
    {
        OwnerOnlyFile.Write(layout.PortFile, Port.ToString(CultureInfo.InvariantCulture));
        OwnerOnlyFile.Write(layout.PasswordFile, Password);
    }

    public string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Database = database,
            Username = UserName,
            Password = Password,
            Pooling = pooling,
        }.ConnectionString;

    // NOTE: the port is free now, but nothing reserves it until PostgreSQL binds it a few seconds later. If another
    // program takes it in between, or after a reboot, the start fails and its error shows the server log.
    private static int PickFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string ReadRequired(string path, ClusterLayout layout)
    {
        if (!File.Exists(path))
        {
            throw new EmbeddedPostgresException(
                $"The embedded PostgreSQL cluster in {layout.ClusterDirectory} has no {Path.GetFileName(path)} file "
                + $"at {path}. Restore that file, or delete the folder {layout.DataDirectory} to create a new, "
                + "empty cluster (this deletes the ledger's data).");
        }

        return File.ReadAllText(path).Trim();
    }
}
