using Tilskudd.Domain.Applications;

namespace Tilskudd.Domain.Tests.Applications;

public class AccountNumberTests
{
    [Theory]
    [InlineData("15031234562")]
    [InlineData("12345678903")]
    [InlineData("12540011220")] // remainder 0 gives check digit 0
    [InlineData("1503 12 34562")]
    [InlineData("1503.12.34562")]
    [InlineData(" 15031234562 ")]
    public void Account_number_with_valid_check_digit_parses(string text)
    {
        Assert.True(AccountNumber.TryParse(text, out var number));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), number.Digits);
    }

    [Theory]
    [InlineData("15031234563")]
    [InlineData("12345678901")]
    [InlineData("1503123456")]
    [InlineData("150312345620")]
    [InlineData("1503123456x")]
    [InlineData("")]
    [InlineData(null)]
    public void Account_number_with_wrong_check_digit_or_length_is_refused(string? text) =>
        Assert.False(AccountNumber.TryParse(text, out _));

    [Fact]
    public void First_ten_digits_whose_remainder_gives_10_have_no_valid_account()
    {
        Assert.Null(AccountNumber.CheckDigit("9710050123"));
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(AccountNumber.TryParse($"9710050123{d}", out _)));
    }

    [Fact]
    public void Account_is_printed_in_bank_groups_and_masked_to_its_last_four_digits()
    {
        var number = AccountNumber.Parse("15031234562");

        Assert.Equal("1503 12 34562", number.Formatted);
        Assert.Equal("**** ** *4562", number.Masked);
        Assert.DoesNotContain("1503", number.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Oppgi kontonummeret tilskuddet skal betales til.")]
    [InlineData("1503 12 3456", "Kontonummeret må ha 11 siffer.")]
    [InlineData("1503 12 34563", "Kontonummeret 1503 12 34563 er ikke gyldig. Sjekk at det er skrevet riktig.")]
    public void Form_without_a_valid_account_number_is_refused_in_norwegian(string? accountNumber, string message)
    {
        var form = Samples.AltaProject with { Organisation = Samples.AltaProject.Organisation! with { AccountNumber = accountNumber } };

        var result = ApplicationRules.Validate(Samples.Alta2024, form, Samples.AltaProjectFiles, Samples.BeforeAltaDeadline);

        Assert.Equal([message], result.Errors["organisation.accountNumber"]);
    }

    [Fact]
    public void Form_with_a_valid_account_number_has_no_account_error()
    {
        var result = ApplicationRules.Validate(Samples.Alta2024, Samples.AltaProject, Samples.AltaProjectFiles, Samples.BeforeAltaDeadline);

        Assert.False(result.Errors.ContainsKey("organisation.accountNumber"));
    }
}
