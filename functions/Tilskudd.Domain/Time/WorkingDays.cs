namespace Tilskudd.Domain.Time;

/// <summary>Working days (virkedager): Monday to Friday that are not public holidays.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !NorwegianHolidays.IsHoliday(date);

    /// <summary>
    /// The date itself if it is a working day, else the next one. Forvaltningsloven § 30: a time
    /// limit that ends on a Saturday, Sunday or public holiday runs to the next working day.
    /// </summary>
    public static DateOnly NextOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The working day <paramref name="count"/> working days after (or, when negative, before) the date. Zero gives the date.</summary>
    public static DateOnly Add(DateOnly date, int count)
    {
        int step = Math.Sign(count);
        for (int left = Math.Abs(count); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        int count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
