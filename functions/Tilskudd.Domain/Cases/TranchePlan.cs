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
