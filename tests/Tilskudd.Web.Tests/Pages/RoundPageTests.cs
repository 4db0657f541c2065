using System.Net;
using Microsoft.Playwright;
using Tilskudd.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>The round pages from round data, open and closed, and the headers every page is served with.</summary>
public sealed class RoundPageTests(WebFixture web)
{
    [Fact]
    public async Task Open_round_page_shows_the_scheme_from_round_data()
    {
        await using var page = await web.NewPageAsync();
        await page.GoAsync("/runder/oslo-2027");
        await Expect(page["main"]).ToContainTextAsync("Søknadsfrist: 30. november 2026");
        await Expect(page["main"]).ToContainTextAsync("D: ");
        await Expect(page["main"]).ToContainTextAsync("Hvem kan søke?");
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Vilkår og krav til rapportering" })).ToBeVisibleAsync();
        await Expect(page["main"]).ToContainTextAsync("Organisasjoner som får tilskudd skal levere rapport og regnskap for bruken av midlene innen 1. februar 2028.");
        await Expect(page["#vilkarsversjon"]).ToHaveTextAsync($"Vilkårsversjon: {Domain.Rounds.RoundCatalog.ForYear("oslo", 2027).GrantTermsVersion}");
        await Expect(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Søk nå" }).First).ToBeVisibleAsync();
        await page.CheckAsync("runde-oslo-2027");
    }

    [Fact]
    public async Task Closed_round_says_so_and_offers_no_form()
    {
        await using var page = await web.NewPageAsync();
        await page.GoAsync("/runder/alta-2024");
        await Expect(page[".boks.stengt"]).ToContainTextAsync("Søknadsfristen gikk ut 15. april 2024.");
        await Expect(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Søk nå" })).ToHaveCountAsync(0);
        await page.CheckAsync("runde-alta-2024-stengt");

        await page.GoAsync("/runder/alta-2024/sok");
        await Expect(page["h1"]).ToHaveTextAsync("Søknadsfristen har gått ut");
        await Expect(page["form"]).ToHaveCountAsync(0);
        await page.CheckAsync("sok-stengt");
    }

    [Fact]
    public async Task Unknown_round_says_it_was_not_found()
    {
        await using var page = await web.NewPageAsync();
        await page.GoAsync("/runder/finnes-ikke-2030");
        await Expect(page["h1"]).ToHaveTextAsync("Fant ikke siden");
        await page.CheckAsync("runde-ukjent");
    }

    [Fact]
    public async Task A_receipt_opened_without_sign_in_asks_for_it()
    {
        await using var page = await web.NewPageAsync();
        await page.GoAsync("/kvittering/ALT-2027-0001");
        await Expect(page["h1"]).ToHaveTextAsync("Du må logge inn");
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Logg inn", Exact = true })).ToHaveAttributeAsync("href", "/logg-inn?tilbake=%2Fkvittering%2FALT-2027-0001");
        await page.CheckAsync("kvittering-logg-inn");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runder/alta-2027")]
    [InlineData("/runder/alta-2027/sok")]
    [InlineData("/kvittering/ALT-2027-0001")]
    [InlineData("/logg-inn")]
    [InlineData("/ressurser/sok.js")]
    public async Task Pages_are_served_with_security_headers(string path)
    {
        using var response = await web.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        foreach (string path in new[] { "/", "/runder/alta-2027", "/runder/alta-2027/sok", "/kvittering/ALT-2027-0001", "/logg-inn" })
        {
            string html = await web.Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
            Assert.DoesNotMatch("\\son[a-z]+=", html);
            Assert.Contains("<html lang=\"nb\">", html, StringComparison.Ordinal);
        }
    }
}
