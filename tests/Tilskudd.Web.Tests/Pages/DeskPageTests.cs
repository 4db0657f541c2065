using Microsoft.Playwright;
using Tilskudd.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;
using static Tilskudd.Web.Tests.Fixtures.BrowserPage;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>The desk's pages before anyone has signed in, and for someone without the caseworker's role.</summary>
public sealed class DeskPageTests(WebFixture web)
{
    [Theory]
    [InlineData("/saksbehandling", "saksbehandling-uten-innlogging")]
    [InlineData("/saksbehandling/runder/alta-2027", "oversikt-uten-innlogging")]
    [InlineData("/saksbehandling/saker/ALT-2027-0001", "sak-uten-innlogging")]
    [InlineData("/saksbehandling/runder/alta-2027/vedtaksmote", "vedtaksmote-uten-innlogging")]
    [InlineData("/mine-soknader", "mine-soknader-uten-innlogging")]
    public async Task A_page_asks_for_sign_in_and_sends_nothing_to_the_api_without_it(string path, string name)
    {
        await using var page = await web.NewPageAsync();
        int apiCalls = 0;
        page.Page.Request += (_, request) => { if (request.Url.Contains("/api/", StringComparison.Ordinal)) { Interlocked.Increment(ref apiCalls); } };
        await page.GoAsync(path);
        await Expect(page["h1"]).ToHaveTextAsync("Du må logge inn");
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Logg inn" })).ToHaveAttributeAsync("href", "/logg-inn?tilbake=" + Uri.EscapeDataString(path));
        Assert.Equal(0, apiCalls);
        await page.CheckAsync(name);
    }

    [Fact]
    public async Task A_caseworker_signs_in_on_the_sign_in_page_and_comes_back_to_the_desk()
    {
        await using var page = await web.NewPageAsync();
        await page.GoAsync("/saksbehandling");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Logg inn" }).ClickAsync();

        // Coming from the desk, the page offers the kommune's roles first.
        await Expect(page["h1"]).ToHaveTextAsync("Logg inn i saksbehandlingen");
        await Expect(page["#som-caseworker"]).ToBeCheckedAsync();
        await Expect(page["#org-felt"]).ToBeHiddenAsync();
        await page.CheckAsync("logg-inn-saksbehandler");
        await page["#kommune"].SelectOptionAsync("5603");
        await page["#navn"].FillAsync("Ola Saksbehandler");
        await page["#logg-inn"].ClickAsync();

        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/saksbehandling", Committed);
        await page.WaitUntilDrawnAsync();
        await Expect(page["h1"]).ToHaveTextAsync("Saksbehandling");
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Alta kommune 2027") })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_applicant_does_not_get_the_desk()
    {
        await using var page = await web.NewPageAsync();
        await page.ActAsAsync("organisation", "kari-eksempel");
        await page.GoAsync("/saksbehandling/runder/alta-2027");
        await Expect(page["h1"]).ToHaveTextAsync("Du må logge inn");
    }

    [Fact]
    public async Task Mine_søknader_is_empty_until_an_application_is_sent_or_added()
    {
        await using var page = await web.NewPageAsync();
        await page.ActAsAsync("organisation", "kari-eksempel", organisationNumber: "922222223"); // an organisation no test applies for
        await page.GoAsync("/mine-soknader");
        await Expect(page["main"]).ToContainTextAsync("Ingen søknader å vise ennå.");
        await page["#ny-referanse"].FillAsync("alt-2027-9999");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Legg til" }).ClickAsync();
        await Expect(page["#soknad-ALT-2027-9999"]).ToContainTextAsync("Fant ikke søknaden");
        await page.CheckAsync("mine-soknader-ukjent");
    }
}
