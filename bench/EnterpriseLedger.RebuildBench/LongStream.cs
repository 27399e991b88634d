using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// One account with a long history, for loading at old versions: created with ten members, then billing and
/// create granted and revoked in turn on the nine members without manage, one permission per event.
/// </summary>
internal static class LongStream
{
    public const string AccountName = "rebuild-bench-long-stream";
    private const int MemberCount = 10;

    public static StreamAppend Build(Guid accountId, int events, DateTimeOffset start)
    {
        var clock = start;
        var created = new AccountCreated(accountId, AccountName, Guid.CreateVersion7(start), Actor(clock));
        var history = new List<object> { created };
        var account = EnterpriseAccount.Create(created);
        var members = Enumerable.Range(0, MemberCount).Select(_ => Guid.CreateVersion7(start)).ToList();
        for (var step = 0; history.Count < events; step++)
        {
            clock = clock.AddMinutes(1);
            var decision = step < MemberCount
                ? AccountDecisions.AddMember(account, members[step], $"member{step}@long-stream.test",
                    step == 0 ? Permissions.All : Permissions.View, MemberSecurity.Unknown, Actor(clock))
                : Toggle(account, members[1 + (step % (MemberCount - 1))], step, Actor(clock));
            if (decision.IsRejected)
            {
                throw new InvalidOperationException($"The long stream's step {step} was rejected: {decision.Error}.");
            }

            foreach (var @event in decision.Events)
            {
                history.Add(@event);
                account = EnterpriseAccount.Evolve(account, @event) ?? account;
            }
        }

        return new StreamAppend(accountId, true, history.Take(events).ToList());
    }

    /// <summary>Grants billing or create when the member lacks it, and revokes it otherwise: one event each.</summary>
    private static Decision Toggle(EnterpriseAccount account, Guid userId, int step, Actor actor)
    {
        var permission = step / (MemberCount - 1) % 2 == 0 ? Permissions.Billing : Permissions.Create;
        return account.Members[userId].Permissions.HasFlag(permission)
            ? AccountDecisions.Revoke(account, userId, permission, actor)
            : AccountDecisions.Grant(account, userId, permission, actor);
    }

    private static Actor Actor(DateTimeOffset at) => new("bench", null, at);
}
