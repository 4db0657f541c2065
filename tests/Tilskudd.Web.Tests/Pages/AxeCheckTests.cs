using Tilskudd.Web.Tests.Fixtures;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>The accessibility check itself: zero violations on our pages means something only if it finds them elsewhere.</summary>
public sealed class AxeCheckTests(WebFixture web)
{
    [Fact]
    public async Task Axe_finds_what_a_careless_page_gets_wrong()
    {
        await using var page = await web.NewPageAsync();
        await page.Page.SetContentAsync("<html><body><main><img src=\"data:,\"><input type=\"text\"></main></body></html>");

        var violations = await page.AxeViolationsAsync();

        Assert.Contains(violations, v => v.StartsWith("html-has-lang", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("image-alt", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("label", StringComparison.Ordinal));
    }
}
