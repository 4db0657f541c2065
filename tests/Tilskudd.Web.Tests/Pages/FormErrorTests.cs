using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Tilskudd.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;
using static Tilskudd.Web.Tests.Fixtures.ApplicationSteps;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>Errors next to their fields and in a summary that links to them, from the page's checks and from the Api's 400.</summary>
public sealed class FormErrorTests(WebFixture web)
{
    [Fact]
    public async Task Wrong_org_number_shows_the_error_by_the_field_and_in_the_summary_whose_link_moves_focus_to_the_field()
    {
        await using var page = await web.NewPageAsync();
        await page.SignInAsync();
        await page.GoAsync("/runder/alta-2027/sok");

        // Checked as typed: at nine digits the message appears by the field.
        await page["#org-nummer"].PressSequentiallyAsync(WrongOrganisationNumber);
        const string message = "Organisasjonsnummeret 912345678 er ikke gyldig. Sjekk at det er skrevet riktig.";
        await Expect(page["#org-nummer-feil"]).ToContainTextAsync(message);
        await Expect(page["#org-nummer"]).ToHaveAttributeAsync("aria-invalid", "true");

        await page["#neste"].ClickAsync();
        await Expect(page["#feilsammendrag-tittel"]).ToHaveTextAsync("Det er 3 feil i skjemaet");
        Assert.Equal("feilsammendrag", await page.FocusedIdAsync());
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 1 av 7: Organisasjonen");
        await Expect(page["#feilsammendrag-liste"]).ToContainTextAsync("Oppgi organisasjonens navn.");
        await Expect(page["#feilsammendrag-liste"]).ToContainTextAsync("Oppgi kontonummeret tilskuddet skal betales til.");
        await page.CheckAsync("sok-feil-organisasjon");

        await page.Page.GetByRole(AriaRole.Link, new() { Name = message }).ClickAsync();
        Assert.Equal("org-nummer", await page.FocusedIdAsync());

        // Corrected with the keyboard: the message goes away.
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(ValidOrganisationNumber);
        await Expect(page["#org-nummer-feil"]).ToHaveCountAsync(0);
        await Expect(page["#org-nummer-status"]).ToHaveTextAsync("✓ Gyldig organisasjonsnummer");
    }

    [Fact]
    public async Task A_400_from_the_Api_shows_its_Norwegian_message_by_the_right_field()
    {
        await using var page = await web.NewPageAsync();

        // Past the checks at each step: here the check finds nothing (as if the rules changed before sending), and the
        // application itself asks for 2 million where the Api allows 1 million.
        await page.Page.RouteAsync("**/api/rounds/alta-2027/applications/validation", route =>
            route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = """{"errors":{},"warnings":{}}""" }));
        await page.SignInAsync();
        await page.GoAsync("/runder/alta-2027/sok");
        await FillToSummaryAsync(page, "per@nordlys.example.org", amountAppliedFor: "2 000 000", rent: "1 200 000", fees: "1 000 000");
        await page["#neste"].ClickAsync();

        const string message = "Søknadsbeløpet kan være høyst kr 1 000 000.";
        await Expect(page["#feilsammendrag-tittel"]).ToHaveTextAsync("Det er 1 feil i skjemaet");
        Assert.Equal("feilsammendrag", await page.FocusedIdAsync());
        await Expect(page["#feilsammendrag-liste"]).ToHaveTextAsync(message);
        await Expect(page["#soknadsbelop-feil"]).ToHaveTextAsync("Feil: " + message);
        await page.CheckAsync("sok-feil-fra-api");

        await page.Page.GetByRole(AriaRole.Link, new() { Name = message }).ClickAsync();
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 5 av 7: Budsjett og beløp");
        Assert.Equal("soknadsbelop", await page.FocusedIdAsync());
        await Expect(page["#soknadsbelop"]).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page["#soknadsbelop-feil"]).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_rule_only_the_Api_holds_is_shown_at_its_step_with_the_Api_s_message()
    {
        await using var page = await web.NewPageAsync();

        // The page is told the round allows 5 million; the Api, whose rules the form asks at each step, knows 1 million.
        await page.Page.RouteAsync("**/api/rounds/alta-2027", async route =>
        {
            var response = await route.FetchAsync();
            var round = JsonNode.Parse(await response.TextAsync())!;
            round["amounts"]!["maximum"] = 5_000_000;
            await route.FulfillAsync(new() { Response = response, Body = round.ToJsonString() });
        });
        await page.SignInAsync();
        await page.GoAsync("/runder/alta-2027/sok");
        await OrganisationAsync(page);
        await NextAsync(page, 2);
        await ContactAsync(page, "per@nordlys.example.org");
        await NextAsync(page, 3);
        await ProjectAsync(page);
        await NextAsync(page, 4);
        await DelmålAsync(page);
        await NextAsync(page, 5);
        await BudgetAsync(page, "2 000 000", employees: 2, rent: "1 200 000", fees: "1 000 000");
        await page["#neste"].ClickAsync();

        await Expect(page["#soknadsbelop-feil"]).ToHaveTextAsync("Feil: Søknadsbeløpet kan være høyst kr 1 000 000.");
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 5 av 7: Budsjett og beløp");
    }

    [Fact]
    public async Task The_draft_is_there_when_the_person_comes_back()
    {
        await using var page = await web.NewPageAsync();
        await page.SignInAsync();
        await page.GoAsync("/runder/alta-2027/sok");
        await OrganisationAsync(page);
        await NextAsync(page, 2);
        await page["#kontakt-navn"].FillAsync("Kari Eksempel");

        await page.Page.ReloadAsync();
        await page.WaitUntilDrawnAsync();
        await Expect(page["#utkast-melding"]).ToContainTextAsync("Vi har hentet inn utkastet ditt");
        await Expect(page["#steg-tekst"]).ToHaveTextAsync("Steg 2 av 7: Kontaktperson");
        await Expect(page["#kontakt-navn"]).ToHaveValueAsync("Kari Eksempel");
        await Expect(page["#org-nummer"]).ToHaveValueAsync(ValidOrganisationNumber);
        await page.CheckAsync("sok-utkast");
    }

    [Fact]
    public async Task Operating_support_asks_for_paying_members_and_the_membership_list_and_a_private_person_for_the_organisations_email()
    {
        await using var page = await web.NewPageAsync();
        await page.SignInAsync();
        await page.GoAsync("/runder/alta-2027/sok");
        await page["#soker-privat"].CheckAsync();
        await page["#org-nummer"].FillAsync(ValidOrganisationNumber);
        await page["#org-navn"].FillAsync("Nordlys Flerkulturelle Forening");
        await page["#neste"].ClickAsync();
        await Expect(page["#org-epost-feil"]).ToContainTextAsync("Når du søker som privatperson, må du oppgi organisasjonens e-postadresse");
        await page["#org-epost"].FillAsync("post@nordlys.example.org");
        await page["#org-konto"].FillAsync("1503 12 34562");
        await NextAsync(page, 2);
        await ContactAsync(page, "kari@nordlys.example.org");
        await NextAsync(page, 3);
        await page["#type-operating"].CheckAsync();
        await ProjectAsync(page);
        await NextAsync(page, 4);
        await DelmålAsync(page);
        await NextAsync(page, 5);
        await Expect(page["#betalende"]).ToBeVisibleAsync();
        await Expect(page["#budsjett-0-kategori option[value='drift']"]).ToHaveCountAsync(1);
        await BudgetAsync(page, "45 000", employees: 0);
        await page["#betalende"].FillAsync("12");
        await Expect(page["#betalende-veiledning"]).ToContainTextAsync("veiledende krav om minst 20 betalende medlemmer");
        await NextAsync(page, 6);
        await Expect(page["#vedlegg-membershipList"]).ToBeVisibleAsync();
        await page["#erkl-imdi"].CheckAsync();
        await page["#erkl-riktig"].CheckAsync();
        await page["#erkl-leder"].CheckAsync();
        await page["#neste"].ClickAsync();
        await Expect(page["#feilsammendrag-liste"]).ToHaveTextAsync("Legg ved medlemslisten. Organisasjonen må legge frem medlemsliste når den søker driftsstøtte.");
        await page.CheckAsync("sok-driftsstotte-feil");
    }
}
