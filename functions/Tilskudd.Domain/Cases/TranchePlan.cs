using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>How a grant is paid out (utbetalingsterminer), from the round's <see cref="TrancheRule"/>.</summary>
public static class TranchePlan
{
    /// <summary>
    /// Alta: "pengene blir utbetalt så snart søknaden er behandlet, tilskuddsbrev er sendt og vilkårene er
    /// akseptert. Er tilskuddet på over 30.000 kroner, blir utbetalingen delt i to terminer, vår og høst."
    /// Up to the threshold (and in rounds without one, as Oslo) one payout on the day the terms are accepted;
    /// above it two: spring on the round's spring date (or at acceptance when that is later), autumn on its
    /// autumn date (or at acceptance when that is later). Whole kroner; the spring tranche takes the odd krone,
    /// so the organisation gets the larger half first.
    /// </summary>
    public static IReadOnlyList<Tranche> For(Round round, long granted, DateOnly acceptedOn, CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(granted);
        if (!AltaGrantOver30000IsPaidInSpringAndAutumn(round, granted))
        {
            return [Make(1, "Utbetaling", granted, acceptedOn, policy)];
        }

        var (spring, autumn) = SplitInTwo(granted);
        return
        [
            Make(1, "Vårtermin", spring, Later(round.Tranches.SpringPayout, acceptedOn), policy),
            Make(2, "Høsttermin", autumn, Later(round.Tranches.AutumnPayout, acceptedOn), policy),
        ];
    }

    /// <summary>
    /// A grant whose terms are accepted is changed on appeal: what is paid stays paid, and the rest of the new amount is
    /// planned again. Nothing paid yet: the round's plan for the new amount, from today. Some paid: the first unpaid
    /// tranche takes the rest (the later ones fall away); all paid: an extra payout (tilleggsutbetaling) today. A tranche
    /// that falls away is returned with amount 0 in <c>Cancelled</c>, so its payment order can be withdrawn.
    /// </summary>
    public static (IReadOnlyList<Tranche> Plan, IReadOnlyList<Tranche> Cancelled) ChangedGrantReplansTheUnpaidTranches(
        Round round, IReadOnlyList<Tranche> tranches, long newAmount, DateTimeOffset now, CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(tranches);
        var paid = tranches.Where(t => t.Paid).ToList();
        var unpaid = tranches.Where(t => !t.Paid).ToList();
        long rest = newAmount - paid.Sum(t => t.Amount);
        ArgumentOutOfRangeException.ThrowIfNegative(rest);
        List<Tranche> plan;
        if (paid.Count == 0)
        {
            plan = rest > 0 ? [.. For(round, rest, Time.OsloTime.DateOf(now), policy)] : [];
        }
        else if (unpaid.Count > 0)
        {
            plan = rest > 0 ? [.. paid, unpaid[0] with { Amount = rest }] : paid;
        }
        else
        {
            plan = rest > 0 ? [.. paid, Make(paid.Max(t => t.Number) + 1, "Tilleggsutbetaling", rest, Time.OsloTime.DateOf(now), policy)] : paid;
        }

        var cancelled = unpaid.Where(u => !plan.Any(p => p.Number == u.Number)).Select(u => u with { Amount = 0 }).ToList();
        return (plan, cancelled);
    }

    /// <summary>The seed's threshold lives in round data (<see cref="TrancheRule.SplitAbove"/>: Alta 30 000, Oslo none).</summary>
    public static bool AltaGrantOver30000IsPaidInSpringAndAutumn(Round round, long granted)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Tranches.IsSplit(granted);
    }

    /// <summary>Two whole-krone halves; the spring tranche takes the odd krone.</summary>
    public static (long Spring, long Autumn) SplitInTwo(long granted) => (granted - (granted / 2), granted / 2);

    static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Payouts are made on working days: a date on a weekend or holiday moves to the next working day.</summary>
    static Tranche Make(int number, string name, long amount, DateOnly dueOn, CasePolicy policy)
    {
        var payday = Time.WorkingDays.NextOnOrAfter(dueOn);
        return new(number, name, amount, payday, OfficeHours.OnOrAfter(payday, policy));
    }
}
