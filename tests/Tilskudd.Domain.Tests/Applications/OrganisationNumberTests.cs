using Tilskudd.Domain.Applications;

namespace Tilskudd.Domain.Tests.Applications;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("912345688")]
    [InlineData("987654325")]
    [InlineData("812345672")]
    [InlineData("998877660")] // remainder 0 gives check digit 0
    [InlineData("912 345 688")]
    [InlineData(" 912345688 ")]
    public void Number_with_valid_check_digit_parses(string text)
    {
        Assert.True(OrganisationNumber.TryParse(text, out var number));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), number.Digits);
    }

    [Theory]
    [InlineData("912345687")]
    [InlineData("987654321")]
    [InlineData("91234568")]
    [InlineData("9123456880")]
    [InlineData("91234568x")]
    [InlineData("")]
    [InlineData(null)]
    public void Organisation_number_with_wrong_check_digit_or_length_is_refused(string? text) =>
        Assert.False(OrganisationNumber.TryParse(text, out _));

    [Fact]
    public void First_eight_digits_whose_remainder_gives_10_have_no_valid_number()
    {
        Assert.Null(OrganisationNumber.CheckDigit("91234567"));
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(OrganisationNumber.TryParse($"91234567{d}", out _)));
    }

    [Fact]
    public void Number_is_shown_in_groups_of_three()
    {
        var number = OrganisationNumber.Parse("912345688");

        Assert.Equal("912 345 688", number.Formatted);
        Assert.Equal("912345688", number.ToString());
    }

    [Fact]
    public void Parse_of_an_invalid_number_throws() =>
        Assert.Throws<FormatException>(() => OrganisationNumber.Parse("912345687"));
}
