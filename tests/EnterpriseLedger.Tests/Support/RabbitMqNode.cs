using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EnterpriseLedger.Tests.Support;

/// <summary>
/// A private RabbitMQ node for the tests: the installed rabbitmq-server, run from a temporary folder that contains its
/// data, logs, Erlang cookie and empty plugin list, listening only on 127.0.0.1 on free ports. The Erlang port mapper
/// daemon (epmd), which the node starts when none runs, binds to loopback only too and keeps running afterwards.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] ServerCandidates =
    [
        // Debian's real start script; /usr/sbin/rabbitmq-server only switches to the rabbitmq user and back.
        "/usr/lib/rabbitmq/bin/rabbitmq-server",
        "/usr/local/sbin/rabbitmq-server",
        "/opt/homebrew/sbin/rabbitmq-server",
        "/usr/sbin/rabbitmq-server",
    ];

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _output = new();

    private RabbitMqNode(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Uri = new Uri($"amqp://guest:guest@127.0.0.1:{port}");
    }

    public Uri Uri { get; }

    /// <summary>Starts a node and waits until it accepts AMQP connections.</summary>
    /// <exception cref="InvalidOperationException">rabbitmq-server is missing, or the node did not start.</exception>
    public static async Task<RabbitMqNode> StartAsync()
    {
        var server = ServerCandidates.FirstOrDefault(File.Exists) ?? throw NotInstalled();
        var folder = Directory.CreateTempSubdirectory("ledger-rabbitmq-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "enabled_plugins"), "[].");

        var port = FreePort.Next();
        var start = new ProcessStartInfo(server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.FullName,
        };
        foreach (var (name, value) in Environment(folder.FullName, port, FreePort.Next()))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{server} did not start.");
        var node = new RabbitMqNode(process, folder, port);
        node.Capture();
        await node.WaitUntilReadyAsync();
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file the node still wrote while it died; the temporary folder is cleaned by the system.
        }
    }

    private static Dictionary<string, string> Environment(string folder, int port, int distributionPort) => new()
    {
        ["RABBITMQ_NODENAME"] = $"ledger-test-{port}@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
        ["HOME"] = folder,
    };

    private void Capture()
    {
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var factory = new ConnectionFactory { Uri = Uri };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync();
                return;
            }
            catch (BrokerUnreachableException) when (!_process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
            catch (BrokerUnreachableException error)
            {
                await DisposeAsync();
                throw new InvalidOperationException(
                    $"The private RabbitMQ node did not accept connections within {StartTimeout.TotalSeconds} s. "
                    + $"Its output:\n{Output()}", error);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static InvalidOperationException NotInstalled() => new(
        "The broker tests need RabbitMQ, and none was found: no LEDGER_TEST_RABBITMQ, nothing on 127.0.0.1:5672 "
        + "and no rabbitmq-server to start a private node. Install it (Debian, Ubuntu: apt-get install "
        + "rabbitmq-server) or point LEDGER_TEST_RABBITMQ at a broker, such as amqp://guest:guest@127.0.0.1:5672.");
}
