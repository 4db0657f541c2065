namespace Tilskudd.Domain.Time;

/// <summary>A public holiday (helligdag or høytidsdag) in Norway.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// Norway's public holidays, computed: the fixed days and those that follow Easter
/// (lov om helligdager og helligdagsfred § 2, lov om 1. og 17. mai som høgtidsdager).
/// Christmas Eve and New Year's Eve are not public holidays and count as working days.
/// </summary>
public static class NorwegianHolidays
{
    public static IReadOnlyList<Holiday> In(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new(new DateOnly(year, 1, 1), "Første nyttårsdag"),
            new(easter.AddDays(-3), "Skjærtorsdag"),
            new(easter.AddDays(-2), "Langfredag"),
            new(easter, "Første påskedag"),
            new(easter.AddDays(1), "Andre påskedag"),
            new(new DateOnly(year, 5, 1), "Offentlig høytidsdag"),
            new(new DateOnly(year, 5, 17), "Grunnlovsdag"),
            new(easter.AddDays(39), "Kristi himmelfartsdag"),
            new(easter.AddDays(49), "Første pinsedag"),
            new(easter.AddDays(50), "Andre pinsedag"),
            new(new DateOnly(year, 12, 25), "Første juledag"),
            new(new DateOnly(year, 12, 26), "Andre juledag"),
        ];
    }

    public static bool IsHoliday(DateOnly date) => In(date.Year).Any(h => h.Date == date);

    /// <summary>Western (Gregorian) Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
