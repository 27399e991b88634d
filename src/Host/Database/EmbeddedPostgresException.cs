namespace EnterpriseLedger.Host.Database;

/// <summary>
/// Failure to initialize, start or stop the embedded PostgreSQL cluster. The message names the command or folder
/// involved and, where PostgreSQL reported one, the tail of its error output or server log.
/// </summary>
public class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException()
    {
    }

    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
