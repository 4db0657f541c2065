using Tilskudd.Domain.Applications;

namespace Tilskudd.Domain.Tests.Applications;

public class EmailAddressTests
{
    [Theory]
    [InlineData("post@example.org")]
    [InlineData("kontakt.person+soknad@lag.example.org")]
    public void Address_with_name_and_domain_is_valid(string text) => Assert.True(EmailAddress.IsValid(text));

    [Theory]
    [InlineData("post.example.org")]
    [InlineData("post@example")]
    [InlineData("@example.org")]
    [InlineData("post@@example.org")]
    [InlineData("post @example.org")]
    [InlineData("post@example..org")]
    [InlineData("post@example.org.")]
    [InlineData("")]
    [InlineData(null)]
    public void Address_without_that_shape_is_invalid(string? text) => Assert.False(EmailAddress.IsValid(text));
}
