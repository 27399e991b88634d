using System.Net;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// <c>PATCH /enterprise-accounts/{name}/members/{user}</c> that toggles billing on view-only members. Each member
/// belongs to one worker, so the worker knows the member's permissions and every accepted PATCH appends an event.
/// Workers still share accounts, so a PATCH can lose the race for the account's stream and get 409.
/// </summary>
internal sealed class WriteWorkload : IWorkload
{
    private const string WithoutBilling = """{"permissions":["view"]}""";
    private const string WithBilling = """{"permissions":["view","billing"]}""";

    private readonly List<(AccountTarget Account, Guid User)> _members;
    private readonly bool[] _hasBilling;
    private readonly int[] _next;
    private readonly int _concurrency;

    /// <exception cref="LoadUsageException">There are fewer view-only members than workers.</exception>
    public WriteWorkload(IReadOnlyList<AccountTarget> accounts, int concurrency)
    {
        _members = Interleave(accounts);
        if (_members.Count < concurrency)
        {
            throw new LoadUsageException(
                $"The {accounts.Count} accounts have {_members.Count} view-only members, fewer than the "
                + $"{concurrency} workers; raise --accounts or lower --concurrency.");
        }

        _hasBilling = new bool[_members.Count];
        _next = [.. Enumerable.Range(0, concurrency)];
        _concurrency = concurrency;
    }

    public string Name => "writes: `PATCH /enterprise-accounts/{name}/members/{user}`";

    public HttpRequestMessage Next(int worker)
    {
        var index = _next[worker];
        var (account, user) = _members[index];
        var body = _hasBilling[index] ? WithoutBilling : WithBilling;
        return ApiRequest.Create(
            HttpMethod.Patch, $"/enterprise-accounts/{account.Name}/members/{user}", account.AdminToken, body);
    }

    /// <summary>Records the toggle when it was accepted, and moves the worker on to its next member.</summary>
    public void Completed(int worker, HttpStatusCode status)
    {
        var index = _next[worker];
        if ((int)status is >= 200 and < 300)
        {
            _hasBilling[index] = !_hasBilling[index];
        }

        // Worker w owns the members w, w + concurrency, w + 2 * concurrency, and so on.
        var following = index + _concurrency;
        _next[worker] = following < _members.Count ? following : worker;
    }

    /// <summary>Lists the first view-only member of every account, then the second, and so on, so that
    /// neighbouring workers start on different accounts.</summary>
    private static List<(AccountTarget, Guid)> Interleave(IReadOnlyList<AccountTarget> accounts)
    {
        var members = new List<(AccountTarget, Guid)>();
        var rounds = accounts.Count == 0 ? 0 : accounts.Max(account => account.ViewOnlyMembers.Count);
        for (var round = 0; round < rounds; round++)
        {
            members.AddRange(accounts
                .Where(account => round < account.ViewOnlyMembers.Count)
                .Select(account => (account, account.ViewOnlyMembers[round])));
        }

        return members;
    }
}
