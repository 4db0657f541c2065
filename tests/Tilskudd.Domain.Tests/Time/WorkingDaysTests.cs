using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Tests.Time;

public class WorkingDaysTests
{
    [Fact]
    public void Weekend_is_not_a_working_day()
    {
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 3, 8)));
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Holiday_on_a_weekday_is_not_a_working_day() =>
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 5, 1)));

    [Fact]
    public void Deadline_ending_on_a_saturday_moves_to_monday() =>
        Assert.Equal(new DateOnly(2026, 3, 9), WorkingDays.NextOnOrAfter(new DateOnly(2026, 3, 7)));

    [Fact]
    public void Deadline_ending_on_a_working_day_stays() =>
        Assert.Equal(new DateOnly(2026, 3, 10), WorkingDays.NextOnOrAfter(new DateOnly(2026, 3, 10)));

    [Fact]
    public void Deadline_ending_in_easter_moves_past_second_easter_day() =>
        // Skjærtorsdag 2026 is 2 April; the next working day is Tuesday 7 April.
        Assert.Equal(new DateOnly(2026, 4, 7), WorkingDays.NextOnOrAfter(new DateOnly(2026, 4, 2)));

    [Fact]
    public void Deadline_ending_on_17_may_sunday_moves_to_monday_18_may() =>
        Assert.Equal(new DateOnly(2026, 5, 18), WorkingDays.NextOnOrAfter(new DateOnly(2026, 5, 17)));

    [Fact]
    public void Adding_working_days_skips_weekends_and_holidays()
    {
        // Wednesday 1 April 2026 + 2 working days: Thursday to Monday are holidays or weekend.
        Assert.Equal(new DateOnly(2026, 4, 8), WorkingDays.Add(new DateOnly(2026, 4, 1), 2));
        Assert.Equal(new DateOnly(2026, 3, 16), WorkingDays.Add(new DateOnly(2026, 3, 13), 1));
    }

    [Fact]
    public void Adding_zero_working_days_gives_the_date() =>
        Assert.Equal(new DateOnly(2026, 3, 7), WorkingDays.Add(new DateOnly(2026, 3, 7), 0));

    [Fact]
    public void Adding_negative_working_days_goes_back() =>
        Assert.Equal(new DateOnly(2026, 4, 1), WorkingDays.Add(new DateOnly(2026, 4, 8), -2));

    [Fact]
    public void Working_days_between_count_the_days_after_the_start()
    {
        Assert.Equal(5, WorkingDays.Between(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 13)));
        Assert.Equal(0, WorkingDays.Between(new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 6)));
    }
}
