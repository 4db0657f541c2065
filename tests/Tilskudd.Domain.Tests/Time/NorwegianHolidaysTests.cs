using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Tests.Time;

public class NorwegianHolidaysTests
{
    [Theory]
    [InlineData(2021, 4, 4)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_is_computed_by_the_computus(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), NorwegianHolidays.EasterSunday(year));

    [Fact]
    public void Holidays_of_2024_are_the_twelve_public_holidays()
    {
        var dates = NorwegianHolidays.In(2024).Select(h => h.Date).ToArray();

        DateOnly[] expected =
        [
            new(2024, 1, 1), new(2024, 3, 28), new(2024, 3, 29), new(2024, 3, 31), new(2024, 4, 1),
            new(2024, 5, 1), new(2024, 5, 17), new(2024, 5, 9), new(2024, 5, 19), new(2024, 5, 20),
            new(2024, 12, 25), new(2024, 12, 26),
        ];
        Assert.Equal(expected, dates);
    }

    [Theory]
    [InlineData("2025-04-17")] // skjærtorsdag
    [InlineData("2025-04-18")] // langfredag
    [InlineData("2025-04-21")] // 2. påskedag
    [InlineData("2025-05-29")] // Kristi himmelfartsdag
    [InlineData("2025-06-09")] // 2. pinsedag
    [InlineData("2026-05-14")] // Kristi himmelfartsdag
    [InlineData("2026-05-25")] // 2. pinsedag
    [InlineData("2026-12-26")]
    public void Movable_and_fixed_holidays_are_holidays(string date) =>
        Assert.True(NorwegianHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2025-12-24")] // julaften is not a public holiday
    [InlineData("2025-12-31")]
    [InlineData("2025-04-16")]
    public void Eves_are_not_holidays(string date) =>
        Assert.False(NorwegianHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
