using System.Net;

namespace EnterpriseLedger.LoadBench;

/// <summary><c>GET /enterprise-accounts/{name}/members</c>, each worker cycling through the accounts.</summary>
internal sealed class ReadWorkload(IReadOnlyList<AccountTarget> accounts, int concurrency) : IWorkload
{
    private readonly int[] _next = [.. Enumerable.Range(0, concurrency)];

    public string Name => "reads: `GET /enterprise-accounts/{name}/members`";

    public HttpRequestMessage Next(int worker)
    {
        var account = accounts[_next[worker]++ % accounts.Count];
        return ApiRequest.Create(HttpMethod.Get, $"/enterprise-accounts/{account.Name}/members", account.AdminToken);
    }

    public void Completed(int worker, HttpStatusCode status)
    {
    }
}
