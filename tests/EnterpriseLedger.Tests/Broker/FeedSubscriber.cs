using System.Globalization;
using System.Net;
using System.Text.Json;
using EnterpriseLedger.Tests.Support;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>
/// A downstream subscriber on the HTTP feed: it pages through <c>GET /events</c> from its checkpoint, and while the
/// host is down it retries from the same checkpoint, as a real subscriber would.
/// </summary>
public sealed class FeedSubscriber(Uri host, string token) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(50);

    private readonly HttpClient _client = new() { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<JsonElement> _received = [];
    private long _checkpoint;

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>How many requests failed because the host was down or returned an error status.</summary>
    public int Failures { get; private set; }

    /// <summary>Reads the feed until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(await ReadPageAsync(cancellationToken) ? TimeSpan.Zero : IdleDelay, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                Failures++;
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Reads one page from the checkpoint; returns whether it held events.</summary>
    private async Task<bool> ReadPageAsync(CancellationToken cancellationToken)
    {
        var after = _checkpoint.ToString(CultureInfo.InvariantCulture);
        using var request = ApiCalls.Request(HttpMethod.Get, $"/events?after={after}&limit=1000", token);
        using var response = await _client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"The feed returned status {(int)response.StatusCode}.");
        }

        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var events = page.RootElement.GetProperty("events").EnumerateArray()
            .Select(envelope => envelope.Clone())
            .ToList();
        lock (_received)
        {
            _received.AddRange(events);
        }

        _checkpoint = page.RootElement.GetProperty("checkpoint").GetInt64();
        return events.Count > 0;
    }
}
