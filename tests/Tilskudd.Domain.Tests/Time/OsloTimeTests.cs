using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Tests.Time;

public class OsloTimeTests
{
    [Fact]
    public void Late_evening_utc_in_summer_is_the_next_day_in_oslo() =>
        Assert.Equal(new DateOnly(2024, 4, 16), OsloTime.DateOf(new DateTimeOffset(2024, 4, 15, 22, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Late_evening_utc_in_winter_is_the_next_day_in_oslo_from_23()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), OsloTime.DateOf(new DateTimeOffset(2026, 11, 30, 22, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 1), OsloTime.DateOf(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Start_of_day_is_midnight_with_oslo_offset()
    {
        Assert.Equal(new DateTimeOffset(2024, 4, 15, 0, 0, 0, TimeSpan.FromHours(2)), OsloTime.StartOfDay(new DateOnly(2024, 4, 15)));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(1)), OsloTime.StartOfDay(new DateOnly(2024, 1, 15)));
    }

    [Fact]
    public void End_of_day_is_one_tick_before_the_next_oslo_midnight()
    {
        var end = OsloTime.EndOfDay(new DateOnly(2024, 4, 15));

        Assert.Equal(new DateTimeOffset(2024, 4, 15, 21, 59, 59, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerSecond - 1), end.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(2), end.Offset);
    }

    [Fact]
    public void End_of_the_day_summer_time_ends_is_25_hours_after_its_start()
    {
        var day = new DateOnly(2026, 10, 25);

        Assert.Equal(TimeSpan.FromHours(25), OsloTime.EndOfDay(day).AddTicks(1) - OsloTime.StartOfDay(day));
    }

    [Fact]
    public void Time_skipped_by_the_spring_change_counts_from_the_hour_after() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), OsloTime.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)).ToUniversalTime());
}
