using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tilskudd.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;
using static Tilskudd.Web.Tests.Fixtures.ApplicationSteps;
using static Tilskudd.Web.Tests.Fixtures.BrowserPage;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>An organisation applies for Alta 2027 through the pages, from the front page to the receipt and the mail.</summary>
public sealed partial class ApplyTests(WebFixture web)
{
    [Fact]
    public async Task Organisation_applies_for_Alta_2027_with_attachments_and_gets_the_receipt_and_the_mail()
    {
        await using var page = await web.NewPageAsync();
        await page.GoAsync("/");
        await page.CheckAsync("forside");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Tilskudd til integreringsarbeid i regi av frivillige organisasjoner i Alta kommune 2027" }).ClickAsync();
        await page.WaitUntilDrawnAsync();
        await Expect(page["h1"]).ToHaveTextAsync(new Regex("Alta kommune 2027"));
        await Expect(page["main"]).ToContainTextAsync("Søknadsfrist: 15. april 2027");
        await Expect(page["main"]).ToContainTextAsync("Fra kr 10 000 til kr 1 000 000");
        await page.CheckAsync("runde-alta-2027");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Søk nå" }).First.ClickAsync();

        // Not signed in: the form sends the applicant to sign in first, and takes them back.
        await page.Page.WaitForURLAsync(new Regex("/logg-inn\\?tilbake=%2Frunder%2Falta-2027%2Fsok$"), Committed);
        await Expect(page["h1"]).ToHaveTextAsync("Logg inn for å sende søknaden");
        await page.CheckAsync("logg-inn");
        await page.FillSignInAsync(ValidOrganisationNumber);
        await page.Page.WaitForURLAsync(new Regex("/runder/alta-2027/sok$"), Committed);
        await page.WaitUntilDrawnAsync();
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 1 av 7: Organisasjonen");
        await page.CheckAsync("sok-steg-1");

        // Step 1 with the keyboard only: Tab to each field, type, arrow keys in the radio group, Enter to go on.
        await page.TabToAsync("soker-org");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("soker-privat", await page.FocusedIdAsync());
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("org-nummer", await page.FocusedIdAsync());
        await page.Keyboard.TypeAsync("912 345 688");
        await Expect(page["#org-nummer-status"]).ToHaveTextAsync("✓ Gyldig organisasjonsnummer");

        // The name comes from Enhetsregisteret (the recorded answer locally); the applicant writes it as they call it.
        await Expect(page["#org-navn"]).ToHaveValueAsync("NORDLYS FLERKULTURELLE FORENING");
        await Expect(page["#org-navn-register"]).ToHaveTextAsync("Navnet er hentet fra Enhetsregisteret: NORDLYS FLERKULTURELLE FORENING.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Nordlys Flerkulturelle Forening");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("org-epost", await page.FocusedIdAsync());
        await page.Keyboard.TypeAsync("post@nordlys.example.org");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("org-konto", await page.FocusedIdAsync());
        await page.Keyboard.TypeAsync("1503 12 34562");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 2 av 7: Kontaktperson");
        Assert.Equal("Kontaktperson", await page.Page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.CheckAsync("sok-steg-2");

        // Step 2 with the keyboard only as well.
        await page.TabToAsync("kontakt-navn");
        await page.Keyboard.TypeAsync("Kari Eksempel");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("kari@nordlys.example.org");
        await page.TabToAsync("neste");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 3 av 7: Prosjektet");
        await page.CheckAsync("sok-steg-3");

        await ProjectAsync(page);
        await NextAsync(page, 4);
        await page.CheckAsync("sok-steg-4");
        await DelmålAsync(page);
        await NextAsync(page, 5);

        // A project may not budget the running costs of the organisation (Alta's «drift» is for operating support only).
        await Expect(page["#budsjett-0-kategori option[value='drift']"]).ToHaveCountAsync(0);
        await BudgetAsync(page, "45 000", employees: 2);
        await Expect(page["#budsjett-sum"]).ToHaveTextAsync("kr 50 000");
        await page["#vedlegg-budget"].SetInputFilesAsync(BudgetPdf);
        await page.CheckAsync("sok-steg-5");
        await NextAsync(page, 6);
        await Expect(page["label[for=vedlegg-skatteattest]"]).ToContainTextAsync("må legges ved fordi dere har 2 ansatte");
        await page.CheckAsync("sok-steg-6");
        await AttachmentsAndDeclarationsAsync(page);
        await NextAsync(page, 7);
        await Expect(page["#oppsummering"]).ToContainTextAsync("Nordlys Flerkulturelle Forening");
        await Expect(page["#oppsummering"]).ToContainTextAsync("budsjett.pdf");
        await Expect(page["#oppsummering"]).ToContainTextAsync("skatteattest.pdf");
        await page.CheckAsync("sok-steg-7");

        // A double click sends one request: the button is disabled while the first is on its way.
        int posts = 0;
        page.Page.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/applications", StringComparison.Ordinal)) { Interlocked.Increment(ref posts); } };
        await page["#neste"].DblClickAsync();
        await page.Page.WaitForURLAsync(new Regex("/kvittering/ALT-2027-\\d{4}$"), Committed);
        await page.WaitUntilDrawnAsync();
        string reference = (await page["#referanse"].TextContentAsync())!.Trim();
        Assert.Matches(ReferencePattern(), reference);
        Assert.Equal(1, posts);
        await Expect(page["main"]).ToContainTextAsync("Hva skjer nå?");
        await Expect(page["#status"]).ToContainTextAsync("Språkkafé i Alta");
        await Expect(page["#status"]).ToContainTextAsync("kr 45 000");
        await page.CheckAsync("kvittering");

        // The receipt page read the application with the applicant's token; so does this, and without one it is 401.
        using var anonymous = await web.Http.GetAsync(new Uri($"/api/applications/{reference}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{reference}");
        read.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await page.TokenAsync());
        using var answer = await web.Http.SendAsync(read, TestContext.Current.CancellationToken);
        var application = await answer.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("912345688", application!["organisation"]!["number"]!.GetValue<string>().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(["budget", "skatteattest"], application["attachments"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()).Order());

        var mail = await WaitForMailAsync(reference, "kari@nordlys.example.org");
        Assert.Contains(reference, mail["subject"]!.GetValue<string>() + mail["text"]!.GetValue<string>(), StringComparison.Ordinal);
        // The draft is gone once sent; what the browser keeps is the reference, for Mine søknader.
        Assert.Equal([reference], await page.Page.EvaluateAsync<string[]>("() => Object.keys(localStorage).filter(k => k !== 'tilskudd.mineSoknader').concat(JSON.parse(localStorage.getItem('tilskudd.mineSoknader')))"));
    }

    async Task<JsonObject> WaitForMailAsync(string reference, string to)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var mails = await web.Http.GetFromJsonAsync<JsonArray>("/dev/mail?json", TestContext.Current.CancellationToken) ?? [];
            var mail = mails.Select(m => m!.AsObject()).FirstOrDefault(m =>
                m["to"]!.AsArray().Any(t => t!.GetValue<string>() == to) && m["text"]!.GetValue<string>().Contains(reference, StringComparison.Ordinal));
            if (mail is not null)
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail to {to} with {reference} within 30 s: {mails.ToJsonString()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex("^ALT-2027-\\d{4}$")]
    private static partial Regex ReferencePattern();
}
