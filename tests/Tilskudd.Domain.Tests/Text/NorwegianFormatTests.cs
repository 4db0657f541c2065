using Tilskudd.Domain.Text;

namespace Tilskudd.Domain.Tests.Text;

public class NorwegianFormatTests
{
    [Theory]
    [InlineData(0, "kr 0")]
    [InlineData(500, "kr 500")]
    [InlineData(10_000, "kr 10 000")]
    [InlineData(286_390, "kr 286 390")]
    [InlineData(1_000_000, "kr 1 000 000")]
    [InlineData(-2_500, "kr -2 500")]
    public void Kroner_have_a_space_between_thousands(long amount, string expected) =>
        Assert.Equal(expected, NorwegianFormat.Kroner(amount));

    [Fact]
    public void Dates_read_as_in_letters()
    {
        Assert.Equal("15. april 2024", NorwegianFormat.Date(new DateOnly(2024, 4, 15)));
        Assert.Equal("1. februar 2022", NorwegianFormat.Date(new DateOnly(2022, 2, 1)));
        Assert.Equal("30. november", NorwegianFormat.DayAndMonth(new DateOnly(2020, 11, 30)));
    }
}
