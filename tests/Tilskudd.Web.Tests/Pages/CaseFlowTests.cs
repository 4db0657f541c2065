using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tilskudd.Testing;
using Tilskudd.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;
using static Tilskudd.Web.Tests.Fixtures.ApplicationSteps;
using static Tilskudd.Web.Tests.Fixtures.BrowserPage;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>
/// A case through the pages from the form to the accepted grant: the organisation applies with attachments, the
/// caseworker asks for more information and the organisation answers in Mine søknader, the caseworker assesses on the desk (keyboard only through the assessment form), the decision maker decides in the
/// batch view and exports the meeting's spreadsheet, the organisation accepts in Mine søknader and later sends its report and accounts, whose files the caseworker opens on the case page; the mails on
/// /dev/mail. A host of its own, because the test moves its development clock past the application deadline.
/// </summary>
public sealed partial class CaseFlowTests(WebFixture web)
{
    const string ContactEmail = "kari.flyt@nordlys.example.org";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_application_is_assessed_decided_and_accepted_through_the_pages_with_the_mails_sent()
    {
        await using var host = new LocalHostProcess(web.StorageConnectionString, "TilskuddWebFlow");
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await using var page = await web.NewPageAsync(host.BaseAddress);

        // The organisation applies, signed in for Nordlys, with the budget and the tax certificate attached.
        await page.ActAsAsync("organisation", "kari-eksempel");
        await page.GoAsync("/runder/alta-2027/sok");
        await FillToSummaryAsync(page, ContactEmail);
        await page["#neste"].ClickAsync();
        await page.Page.WaitForURLAsync(new Regex("/kvittering/ALT-2027-\\d{4}$"), Committed);
        await page.WaitUntilDrawnAsync();
        string reference = (await page["#referanse"].TextContentAsync())!.Trim();
        await WaitForStatusAsync(http, reference, "WaitingForDeadline", await page.TokenAsync());

        // Past the deadline (15 April 2027): a Tuesday morning in office hours.
        using (var moved = await http.PostAsJsonAsync("/dev/clock", new { moveTo = "2027-04-20T10:00:00+02:00" }, Ct))
        {
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        }

        // The caseworker finds the case on the round's overview and starts the review.
        await page.ActAsAsync("caseworker", "saksbehandler-ola");
        await page.GoAsync("/saksbehandling");
        await page.CheckAsync("saksbehandling");
        await page.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Alta kommune 2027") }).ClickAsync();
        await page.WaitUntilDrawnAsync();
        await Expect(page["main"]).ToContainTextAsync("venter på søknadsfristen");
        await Expect(page["main"]).ToContainTextAsync("kr 45 000");
        await page.CheckAsync("saksbehandling-oversikt");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.WaitUntilDrawnAsync();
        await Expect(page["h1"]).ToHaveTextAsync($"Sak {reference}");
        await Expect(page["main"]).ToContainTextAsync("skatteattest.pdf");
        await Expect(page["main"]).ToContainTextAsync("Søknaden ble sendt");
        await page.CheckAsync("saksbehandling-sak-mottatt");

        // The attachment opens through a short-lived link made on request.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Hent skatteattest.pdf" }).ClickAsync();
        var link = page.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Åpne skatteattest.pdf") });
        await Expect(link).ToBeFocusedAsync();
        string fileUrl = (await link.GetAttributeAsync("href"))!;
        using (var file = await http.GetAsync(new Uri(fileUrl), Ct))
        {
            Assert.True(file.IsSuccessStatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(SkatteattestPdf, Ct), await file.Content.ReadAsByteArrayAsync(Ct));
        }

        await page["#start-send"].ClickAsync();
        await Expect(page["#status"]).ToHaveTextAsync("under behandling", new() { Timeout = 30_000 });

        // The caseworker asks for more information; the organisation answers in Mine søknader, with a file.
        await page["#sporsmal"].FillAsync("Hvor mange deltakere venter dere hver kveld?");
        await page["#mangelbrev-send"].ClickAsync();
        await Expect(page["#status"]).ToHaveTextAsync("venter på svar fra søker", new() { Timeout = 30_000 });
        await page.ActAsAsync("organisation", "kari-eksempel");
        await page.GoAsync("/mine-soknader");
        var asked = page[$"#soknad-{reference}"];
        await Expect(asked).ToContainTextAsync("Kommunen spør: «Hvor mange deltakere venter dere hver kveld?»");
        await page.CheckAsync("mine-soknader-mangelbrev");
        await asked.Locator("textarea").FillAsync("Omtrent 25 hver kveld.");
        await asked.Locator("input[type=file]").SetInputFilesAsync(BudgetPdf);
        await asked.GetByRole(AriaRole.Button, new() { Name = "Send svaret" }).ClickAsync();
        await Expect(asked).ToContainTextAsync("Svaret er sendt.", new() { Timeout = 30_000 });
        await Expect(asked).ToContainTextAsync("Søkeren svarte: «Omtrent 25 hver kveld.»");
        await page.ActAsAsync("caseworker", "saksbehandler-ola");
        await page.GoAsync($"/saksbehandling/saker/{reference}");
        await Expect(page["#status"]).ToHaveTextAsync("under behandling");

        // The assessment with the keyboard only: a score for each of the round's criteria, the recommendation, send.
        var round = await http.GetFromJsonAsync<JsonObject>("/api/rounds/alta-2027", Ct);
        int criteria = round!["criteria"]!.AsArray().Count;
        Assert.True(criteria > 0);
        await page.CheckAsync("saksbehandling-sak-vurdering");
        await page.TabToAsync("kriterium-0-0", maxPresses: 60);
        for (int i = 0; i < criteria; i++)
        {
            Assert.Equal($"kriterium-{i}-0", await page.FocusedIdAsync());
            for (int step = 0; step < 4; step++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            Assert.Equal($"kriterium-{i}-4", await page.FocusedIdAsync());
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal($"kriterium-{i}-kommentar", await page.FocusedIdAsync());
            await page.Keyboard.TypeAsync("Godt beskrevet");
            await page.Keyboard.PressAsync("Tab");
        }

        await page.TabToAsync("innstilt-belop");
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync("40 000");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("innstilling-begrunnelse", await page.FocusedIdAsync());
        await page.Keyboard.TypeAsync("Godt prosjekt; honoraret er satt noe ned.");
        await page.TabToAsync("vurdering-send");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page["#status"]).ToHaveTextAsync("innstilt", new() { Timeout = 30_000 });
        await Expect(page["main"]).ToContainTextAsync("Vurdert, innstilt kr 40 000");
        await Expect(page["main"]).ToContainTextAsync("Saken venter på vedtak fra beslutter.");
        await page.CheckAsync("saksbehandling-sak-innstilt");

        // The decision maker decides in the batch view, against the pot, after exporting the meeting's spreadsheet.
        await page.ActAsAsync("decisionMaker", "beslutter-eva");
        await page.GoAsync("/saksbehandling/runder/alta-2027/vedtaksmote");
        await Expect(page[$"#belop-{reference}"]).ToHaveValueAsync("40000");
        await Expect(page["#sum"]).ToContainTextAsync("Valgt: 1 saker, kr 40 000");
        await page.CheckAsync("saksbehandling-vedtaksmote");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page["#last-ned"].ClickAsync());
        Assert.Equal("vedtaksmote-alta-2027.xlsx", download.SuggestedFilename);
        string sheet = SharedStrings(await download.PathAsync());
        Assert.Contains(reference, sheet, StringComparison.Ordinal);
        Assert.Contains("Nordlys Flerkulturelle Forening", sheet, StringComparison.Ordinal);
        await page["#innvilg-valgte"].ClickAsync();
        await Expect(page["#resultat"]).ToContainTextAsync("1 vedtak fattet.", new() { Timeout = 30_000 });
        await WaitForStatusAsync(http, reference, "AwaitingAcceptance", await page.TokenAsync());

        // The overview now shows the grant against the pot, per delmål (A) and over time.
        await page.GoAsync("/saksbehandling/runder/alta-2027");
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Rammen: kr 40 000 innvilget av kr 286 390") })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Innvilget per delmål: A kr 40 000, B kr 0") })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Brukt av rammen over tid: kr 40 000 etter 1 vedtak") })).ToBeVisibleAsync();
        await page.CheckAsync("saksbehandling-oversikt-etter-vedtak");

        // The organisation accepts the terms in Mine søknader.
        await page.ActAsAsync("organisation", "kari-eksempel");
        await page.GoAsync("/mine-soknader");
        var card = page[$"#soknad-{reference}"];
        await Expect(card).ToContainTextAsync("venter på aksept av vilkår");
        await Expect(card).ToContainTextAsync("Dere har fått kr 40 000");
        await Expect(card).ToContainTextAsync($"vilkårsversjon {Domain.Rounds.RoundCatalog.ForYear("alta", 2027).GrantTermsVersion}");
        await Expect(card).ToContainTextAsync("Vedtaksbrevet ble sendt på e-post");
        await Expect(card).Not.ToContainTextAsync("Vurdert, innstilt");
        await page.CheckAsync("mine-soknader");
        await card.GetByRole(AriaRole.Button, new() { Name = "Vi aksepterer vilkårene" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Vilkårene er akseptert.", new() { Timeout = 30_000 });
        await Expect(card).ToContainTextAsync("Vilkårene ble akseptert");

        // Someone else of the organisation, in another browser that never saw the reference, finds it in Mine søknader.
        await using (var colleague = await web.NewPageAsync(host.BaseAddress))
        {
            await colleague.ActAsAsync("organisation", "ola-eksempel");
            await colleague.GoAsync("/mine-soknader");
            await Expect(colleague[$"#soknad-{reference}"]).ToContainTextAsync("Vilkårene ble akseptert");
        }

        // After the autumn tranche (15 September) the report is due: sent in Mine søknader, refused without the accounts.
        using (var moved = await http.PostAsJsonAsync("/dev/clock", new { moveTo = "2027-09-16T10:00:00+02:00" }, Ct))
        {
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        }

        await page.ActAsAsync("organisation", "kari-eksempel");
        await WaitForStatusAsync(http, reference, "ReportDue", await page.TokenAsync());
        byte[] pdf = await File.ReadAllBytesAsync(BudgetPdf, Ct);
        await page.GoAsync("/mine-soknader");
        var reporting = page[$"#soknad-{reference}"];
        await page[$"#{reference}-brukt"].FillAsync("40000");
        await page[$"#{reference}-rapport"].SetInputFilesAsync(new FilePayload { Name = "rapport.pdf", MimeType = "application/pdf", Buffer = pdf });
        await reporting.GetByRole(AriaRole.Button, new() { Name = "Send rapporten" }).ClickAsync();
        await Expect(reporting).ToContainTextAsync("Legg ved regnskapet", new() { Timeout = 30_000 });
        await page[$"#{reference}-regnskap"].SetInputFilesAsync(new FilePayload { Name = "regnskap.pdf", MimeType = "application/pdf", Buffer = pdf });
        await reporting.GetByRole(AriaRole.Button, new() { Name = "Send rapporten" }).ClickAsync();
        await Expect(reporting).ToContainTextAsync("Rapporten er sendt.", new() { Timeout = 30_000 });

        // The caseworker's review sees each of the report's files and opens them by a short-lived link.
        await page.ActAsAsync("caseworker", "saksbehandler-ola");
        await page.GoAsync($"/saksbehandling/saker/{reference}");
        await Expect(page["#rapportfiler"]).ToContainTextAsync("Rapport: ");
        await Expect(page["#rapportfiler"]).ToContainTextAsync("Regnskap: ");
        await Expect(page["#vilkar-akseptert"]).ToContainTextAsync($"vilkårsversjon {Domain.Rounds.RoundCatalog.ForYear("alta", 2027).GrantTermsVersion}");
        await page.CheckAsync("saksbehandling-sak-rapport");
        await page["#rapportfiler"].GetByRole(AriaRole.Button, new() { Name = "Hent regnskap.pdf" }).ClickAsync();
        var accounts = page.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Åpne regnskap.pdf") });
        await Expect(accounts).ToBeFocusedAsync();
        using var opened = await http.GetAsync(new Uri((await accounts.GetAttributeAsync("href"))!), Ct);
        Assert.Equal(pdf, await opened.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync(Ct));

        // The mails: the receipt, the information request and the decision letter to the contact person.
        await page.Page.GotoAsync("/dev/mail");
        await Expect(page["body"]).ToContainTextAsync(reference);
        var mails = (await http.GetFromJsonAsync<JsonArray>("/dev/mail?json", Ct) ?? [])
            .Select(m => m!.AsObject())
            .Where(m => m["mailId"]!.GetValue<string>().StartsWith(reference + "/", StringComparison.Ordinal))
            .ToList();
        Assert.True(mails.Count >= 3, $"Expected the receipt, the information request and the decision letter for {reference}: {string.Join(", ", mails.Select(m => m["subject"]))}");
        Assert.All(mails, m => Assert.Contains(ContactEmail, m["to"]!.AsArray().Select(t => t!.GetValue<string>())));
        Assert.Contains(mails, m => m["text"]!.GetValue<string>().Contains("40 000", StringComparison.Ordinal));
        Assert.Contains(mails, m => m["text"]!.GetValue<string>().Contains("Hvor mange deltakere venter dere hver kveld?", StringComparison.Ordinal));
    }

    /// <param name="token">The applicant's sign-in, as the pages keep it.</param>
    static async Task WaitForStatusAsync(HttpClient http, string reference, string status, string token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{reference}");
            read.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.SendAsync(read, Ct);
            var application = await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct);
            if (application!["status"]!.GetValue<string>() == status)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{reference} is {application["status"]}, not {status}, after 60 s.");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>The texts of a spreadsheet (its shared strings), read straight from the .xlsx package.</summary>
    static string SharedStrings(string path)
    {
        using var package = ZipFile.OpenRead(path);
        using var reader = new StreamReader(package.GetEntry("xl/sharedStrings.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
