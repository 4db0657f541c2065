using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Applications;

public class ReferenceNumberTests
{
    [Fact]
    public void Reference_is_prefix_grant_year_and_four_digit_sequence()
    {
        Assert.Equal("ALT-2027-0042", ReferenceNumber.For(RoundCatalog.ForYear("alta", 2027), 42).ToString());
        Assert.Equal("OSL-2021-0001", ReferenceNumber.For(RoundCatalog.ForYear("oslo", 2021), 1).ToString());
        Assert.Equal("OSL-2021-12345", new ReferenceNumber("OSL", 2021, 12_345).ToString());
    }

    [Theory]
    [InlineData("ALT-2027-0042")]
    [InlineData("alt-2027-0042")]
    [InlineData(" Alt-2027-0042 ")]
    public void Reference_parses_without_regard_to_case(string text)
    {
        var reference = ReferenceNumber.Parse(text);

        Assert.Equal(new ReferenceNumber("ALT", 2027, 42), reference);
        Assert.Equal("ALT-2027-0042", reference.ToString());
    }

    [Theory]
    [InlineData("ALT-2027-42")]
    [InlineData("ALT-27-0042")]
    [InlineData("ALT20270042")]
    [InlineData("ALT-2027-0000")]
    [InlineData("Æ-2027-0042")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_reference_is_refused(string? text) =>
        Assert.False(ReferenceNumber.TryParse(text, out _));

    [Fact]
    public void Parse_of_a_malformed_reference_throws() =>
        Assert.Throws<FormatException>(() => ReferenceNumber.Parse("ALT-2027"));

    [Fact]
    public void Sequence_starts_at_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceNumber.For(RoundCatalog.ForYear("alta", 2027), 0));
}
