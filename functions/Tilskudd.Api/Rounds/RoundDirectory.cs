using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Rounds;

namespace Tilskudd.Api.Rounds;

/// <summary>
/// The rounds people can see: every scheme's historical seed round (read-only, closed) and the
/// rounds a kommune has opened. A round's rules always come from its scheme's data.
/// </summary>
public sealed partial class RoundDirectory(RoundStore store, TimeProvider time, ILogger<RoundDirectory> logger)
{
    /// <summary>
    /// Rounds seen open. An opened round is never closed or removed, so once seen it is found without
    /// reading the store again (every submit and case read looks its round up: bench, issue 18). A round
    /// not seen yet is looked for in the store each time, so one opened by another instance is found at once.
    /// </summary>
    readonly ConcurrentDictionary<string, Round> known = new(RoundCatalog.BaseRounds.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<Round>> ListAsync(CancellationToken cancellationToken)
    {
        await OpenCurrentRoundsAsync(cancellationToken);
        var opened = await store.ListAsync(cancellationToken);
        foreach (var round in opened.Select(o => RoundCatalog.ForYear(o.SchemeId, o.GrantYear)))
        {
            known.TryAdd(round.Id, round);
        }

        return RoundCatalog.BaseRounds
            .Concat(opened.Select(o => RoundCatalog.ForYear(o.SchemeId, o.GrantYear)))
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.SchemeId, StringComparer.Ordinal)
            .ThenByDescending(r => r.GrantYear)
            .ToList();
    }

    public async Task<Round?> FindAsync(string id, CancellationToken cancellationToken) =>
        known.TryGetValue(id, out var round)
            ? round
            : (await ListAsync(cancellationToken)).FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens a scheme's round for a grant year. Null when there is no such scheme.</summary>
    public async Task<(Round Round, bool Opened)?> OpenAsync(string schemeId, int grantYear, CancellationToken cancellationToken)
    {
        if (!RoundCatalog.SchemeIds.Contains(schemeId, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var round = RoundCatalog.ForYear(schemeId.ToLowerInvariant(), grantYear);
        bool opened = await store.OpenAsync(round.Id, new OpenedRound(round.SchemeId, round.GrantYear, time.GetUtcNow()), cancellationToken);
        known.TryAdd(round.Id, round);
        if (opened)
        {
            LogOpened(logger, round.Id);
        }

        return (round, opened);
    }

    /// <summary>
    /// Opens each scheme's current round (the first whose deadline has not passed) that this instance has not
    /// seen open yet, so a new installation meets an open round and a host that runs past a deadline opens the
    /// next round on that day, as one started then would. Opening an open round changes nothing; a round already
    /// known costs no storage request, so every listing may ask.
    /// </summary>
    public async Task OpenCurrentRoundsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (string schemeId in RoundCatalog.SchemeIds)
        {
            var current = RoundCatalog.CurrentRound(schemeId, now);
            if (!known.ContainsKey(current.Id))
            {
                await OpenAsync(schemeId, current.GrantYear, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {RoundId} opened")]
    static partial void LogOpened(ILogger logger, string roundId);
}
