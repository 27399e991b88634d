using System.Collections.Concurrent;
using System.Diagnostics;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>
/// The ledger's HTTP host as a separate process (<c>dotnet EnterpriseLedger.Host.dll serve</c>), so that a test can
/// kill it with SIGKILL as a crash would. Its output is kept, the last lines only, for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The kept output lines, oldest first.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Starts the host on 127.0.0.1 at the port and waits until <c>/health</c> returns 200.</summary>
    public static async Task<HostProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EnterpriseLedger.Host.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>Kills the host and its children with SIGKILL, giving it no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }

            await Task.Delay(200);
        }

        await KillAsync();
        throw new InvalidOperationException(
            $"The host did not return 200 on /health within {StartTimeout.TotalSeconds} s. Its output:\n"
            + string.Join('\n', Lines));
    }
}
