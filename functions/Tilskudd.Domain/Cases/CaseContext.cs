using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// What the decider is told besides the case: the case's round, and what is left in the round's pot
/// as the pot ledger last read it (all reservations counted, this case's own included).
/// </summary>
/// <param name="PotRemaining">Null when the round has no pot (Oslo's seed gives none).</param>
public sealed record CaseContext(Round Round, long? PotRemaining)
{
    public static CaseContext For(Round round, long? potRemaining = null) =>
        new(round, potRemaining ?? round?.Pot);
}
