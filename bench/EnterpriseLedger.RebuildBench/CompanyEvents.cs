using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Samples;

namespace EnterpriseLedger.RebuildBench;

/// <summary>
/// Generates the ledger's events without a database, as the ledger's own decisions make them: sample companies
/// (seeded) decided by the migration policy, and an operator token for every 20th company, every other one of them
/// revoked. Each chunk contains whole new streams.
/// </summary>
internal sealed class CompanyEvents(int seed, DateTimeOffset start)
{
    private const int TokenEvery = 20;

    private readonly HashSet<Guid> _streams = [];
    private readonly HashSet<string> _accountNames = new(StringComparer.Ordinal);
    private DateTimeOffset _clock = start;

    public int Companies { get; private set; }

    public int SkippedCompanies { get; private set; }

    public int Tokens { get; private set; }

    /// <summary>
    /// Yields chunks of about <paramref name="chunkEvents"/> events, until there are at least
    /// <paramref name="events"/> in all.
    /// </summary>
    public IEnumerable<List<StreamAppend>> Generate(long events, int chunkEvents)
    {
        var chunk = new List<StreamAppend>();
        var inChunk = 0;
        long total = 0;
        foreach (var input in SampleGenerator.Generate(int.MaxValue, seed))
        {
            if (total >= events)
            {
                break;
            }

            var appends = Decide(input);
            var count = appends.Sum(append => append.Events.Count);
            chunk.AddRange(appends);
            inChunk += count;
            total += count;
            if (inChunk >= chunkEvents)
            {
                yield return chunk;
                chunk = [];
                inChunk = 0;
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private List<StreamAppend> Decide(CompanyInput input)
    {
        _clock = _clock.AddSeconds(1);
        var actor = new Actor("bench", null, _clock);
        var (company, error) = CompanyValidator.Validate(input);
        if (company is null)
        {
            throw new InvalidOperationException($"The sample generator made an invalid company: {error}.");
        }

        var raw = JsonSerializer.Serialize(input, SampleWriter.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        var request = new MigrationRequest(raw, hash, Guid.CreateVersion7(_clock), actor);
        var decision = MigrationPolicy.Decide(company, null, request);

        // The ledger rejects a second stream with the same id and a second account with the same name. The
        // migration runner reports such a company as a conflict, and the benchmark leaves it out.
        if (decision.Appends.Any(append => _streams.Contains(append.StreamId))
            || (decision.AccountName is { } name && !_accountNames.Add(name)))
        {
            SkippedCompanies++;
            return [];
        }

        var appends = decision.Appends.ToList();
        _streams.UnionWith(appends.Select(append => append.StreamId));
        Companies++;
        if (Companies % TokenEvery == 0)
        {
            appends.Add(Token(actor, revoke: Companies % (2 * TokenEvery) == 0));
        }

        return appends;
    }

    private StreamAppend Token(Actor actor, bool revoke)
    {
        var tokenId = Guid.CreateVersion7(actor.At);
        var request = TokenRequest.ForOperator(actor.At.AddDays(30));
        var issued = TokenDecisions.Issue(tokenId, TokenSecret.Hash(TokenSecret.Generate()), request, actor);
        var events = issued.Events.ToList();
        if (revoke)
        {
            var token = Aggregates.Fold<ApiToken>(events, ApiToken.Evolve);
            events.AddRange(TokenDecisions.Revoke(token, tokenId, actor with { At = actor.At.AddHours(1) }).Events);
        }

        Tokens++;
        return new StreamAppend(tokenId, true, events);
    }
}
