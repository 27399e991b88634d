using System.Collections.Concurrent;
using System.Net;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// <c>PATCH /enterprise-accounts/{name}/members/{user}</c> that toggles billing on view-only members. Worker w
/// writes only to account w modulo the number of accounts and cycles through its view-only members, so the worker
/// tracks each member's permissions and nearly every accepted PATCH appends an event. With at least as many accounts as
/// workers no two workers race for a stream; with fewer, workers that share an account can get 409.
/// </summary>
internal sealed class WriteWorkload : IWorkload
{
    private const string WithoutBilling = """{"permissions":["view"]}""";
    private const string WithBilling = """{"permissions":["view","billing"]}""";

    private readonly IReadOnlyList<AccountTarget> _accounts;
    private readonly ConcurrentDictionary<Guid, bool> _hasBilling = new();
    private readonly int[] _next;

    /// <exception cref="LoadUsageException">An account has no view-only member.</exception>
    public WriteWorkload(IReadOnlyList<AccountTarget> accounts, int concurrency)
    {
        if (accounts.Count == 0 || accounts.Any(account => account.ViewOnlyMembers.Count == 0))
        {
            throw new LoadUsageException("Every account under write load needs a view-only member.");
        }

        _accounts = accounts;
        _next = new int[concurrency];
        foreach (var user in accounts.SelectMany(account => account.ViewOnlyMembers))
        {
            _hasBilling[user] = false;
        }
    }

    public string Name => "writes: `PATCH /enterprise-accounts/{name}/members/{user}`";

    public HttpRequestMessage Next(int worker)
    {
        var (account, user) = Target(worker);
        var body = _hasBilling[user] ? WithoutBilling : WithBilling;
        return ApiRequest.Create(
            HttpMethod.Patch, $"/enterprise-accounts/{account.Name}/members/{user}", account.AdminToken, body);
    }

    /// <summary>Records the toggle when it was accepted, and moves the worker on to its account's next member.</summary>
    public void Completed(int worker, HttpStatusCode status)
    {
        var (account, user) = Target(worker);
        if ((int)status is >= 200 and < 300)
        {
            _hasBilling[user] = !_hasBilling[user];
        }

        _next[worker] = (_next[worker] + 1) % account.ViewOnlyMembers.Count;
    }

    /// <summary>The worker's account and member; workers that share an account start on different members.</summary>
    private (AccountTarget Account, Guid User) Target(int worker)
    {
        var account = _accounts[worker % _accounts.Count];
        var offset = worker / _accounts.Count;
        return (account, account.ViewOnlyMembers[(_next[worker] + offset) % account.ViewOnlyMembers.Count]);
    }
}
