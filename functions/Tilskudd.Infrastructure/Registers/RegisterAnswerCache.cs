using Microsoft.Extensions.Caching.Memory;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>
/// The register's answers, kept a while and bounded in number: anyone signed in may look up an organisation number,
/// and a flood of made-up numbers must not fill the host's memory. Past <see cref="MaxKept"/> a new answer is not
/// kept and the oldest are evicted; the lookup itself still answers.
/// </summary>
public sealed class RegisterAnswerCache : IDisposable
{
    /// <summary>Every organisation of several kommuner's rounds, many times over.</summary>
    public const int MaxKept = 20_000;

    readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = MaxKept, CompactionPercentage = 0.25 });

    public int Count => answers.Count;

    public bool TryGet(string organisationNumber, out RegisterFacts? facts) => answers.TryGetValue(organisationNumber, out facts);

    public void Keep(string organisationNumber, RegisterFacts? facts, TimeSpan believedFor) =>
        answers.Set(organisationNumber, facts, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = believedFor });

    public void Dispose() => answers.Dispose();
}
