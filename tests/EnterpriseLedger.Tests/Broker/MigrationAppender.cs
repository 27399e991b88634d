using System.Net;
using System.Text.Json;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Samples;
using EnterpriseLedger.Tests.Support;

namespace EnterpriseLedger.Tests.Broker;

/// <summary>
/// Appends events through the API: it posts generated companies to <c>POST /migrations</c> one after another (about
/// 30 events each), and while the host is down it posts the same company again until the host responds.
/// </summary>
public sealed class MigrationAppender(Uri host, string operatorToken, int seed) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _client = new() { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
    private readonly IEnumerator<CompanyInput> _companies = SampleGenerator.Generate(100_000, seed).GetEnumerator();

    /// <summary>How many companies the host accepted.</summary>
    public int Posted { get; private set; }

    /// <summary>How many posts failed because the host was down.</summary>
    public int Failures { get; private set; }

    /// <summary>Posts companies until <paramref name="done"/> returns true, checking it after every company.</summary>
    public async Task RunAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        while (!await done() && _companies.MoveNext())
        {
            var body = JsonSerializer.Serialize(_companies.Current, SampleWriter.Options);
            while (!await TryPostAsync(body, cancellationToken))
            {
                Failures++;
                await Task.Delay(RetryDelay, cancellationToken);
            }

            Posted++;
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _companies.Dispose();
    }

    private async Task<bool> TryPostAsync(string body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = ApiCalls.Request(HttpMethod.Post, "/migrations", operatorToken, body);
            using var response = await _client.SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.Created => true,
                >= HttpStatusCode.InternalServerError => false,
                _ => throw new InvalidOperationException(
                    $"POST /migrations returned status {(int)response.StatusCode}: "
                    + await response.Content.ReadAsStringAsync(cancellationToken)),
            };
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
