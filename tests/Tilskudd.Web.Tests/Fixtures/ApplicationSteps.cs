using Tilskudd.Testing;

namespace Tilskudd.Web.Tests.Fixtures;

/// <summary>Filling in the steps of the form the quick way (the keyboard-only path is in the tests).</summary>
public static class ApplicationSteps
{
    public static string BudgetPdf => Path.Combine(RepoPaths.Root, "docs", "examples", "budsjett.pdf");

    public static string SkatteattestPdf => Path.Combine(RepoPaths.Root, "docs", "examples", "skatteattest.pdf");

    /// <summary>A valid organisation number (mod-11), and one whose check digit is wrong.</summary>
    public const string ValidOrganisationNumber = "912345688";
    public const string WrongOrganisationNumber = "912345678";

    public static async Task NextAsync(BrowserPage page, int expectedStep)
    {
        await page["#neste"].ClickAsync();
        await page.Page.Locator("#steg-tekst").Filter(new() { HasText = $"Steg {expectedStep} av 7" }).WaitForAsync();
    }

    public static async Task OrganisationAsync(BrowserPage page, string number = ValidOrganisationNumber)
    {
        await page["#org-nummer"].FillAsync(number);
        await page["#org-navn"].FillAsync("Nordlys Flerkulturelle Forening");
        await page["#org-epost"].FillAsync("post@nordlys.example.org");
        await page["#org-konto"].FillAsync("1503 12 34562");
    }

    public static async Task ContactAsync(BrowserPage page, string email)
    {
        await page["#kontakt-navn"].FillAsync("Kari Eksempel");
        await page["#kontakt-epost"].FillAsync(email);
    }

    public static async Task ProjectAsync(BrowserPage page)
    {
        await page["#prosjekt-tittel"].FillAsync("Språkkafé i Alta");
        await page["#prosjekt-beskrivelse"].FillAsync("Ukentlig språkkafé der nye og gamle innbyggere møtes og snakker norsk sammen, ledet av frivillige.");
        await page["#prosjekt-start"].FillAsync("2027-05-01");
        await page["#prosjekt-slutt"].FillAsync("2027-12-15");
        await page["#prosjekt-sted"].FillAsync("Alta bibliotek");
    }

    public static async Task DelmålAsync(BrowserPage page)
    {
        await page["#delmal-A"].CheckAsync();
        await page.Page.GetByLabel("Øvrig befolkning i lokalsamfunn").CheckAsync();
    }

    public static async Task BudgetAsync(BrowserPage page, string amountAppliedFor, int employees, string rent = "30 000", string fees = "20000")
    {
        await page["#budsjett-0-kategori"].SelectOptionAsync("lokaler");
        await page["#budsjett-0-beskrivelse"].FillAsync("Leie av møterom, 30 kvelder");
        await page["#budsjett-0-belop"].FillAsync(rent);
        await page["#ny-budsjettpost"].ClickAsync();
        await page["#budsjett-1-kategori"].SelectOptionAsync("lonn");
        await page["#budsjett-1-beskrivelse"].FillAsync("Honorar til frivillige koordinatorer");
        await page["#budsjett-1-belop"].FillAsync(fees);
        await page["#soknadsbelop"].FillAsync(amountAppliedFor);
        await page["#ansatte"].FillAsync($"{employees}");
    }

    public static async Task AttachmentsAndDeclarationsAsync(BrowserPage page)
    {
        await page["#vedlegg-skatteattest"].SetInputFilesAsync(SkatteattestPdf);
        await page["#erkl-imdi"].CheckAsync();
        await page["#erkl-riktig"].CheckAsync();
        await page["#erkl-leder"].CheckAsync();
    }

    /// <summary>Steps 1 to 6 filled in validly for Alta 2027; ends on the summary (step 7).</summary>
    public static async Task FillToSummaryAsync(BrowserPage page, string email, string amountAppliedFor = "45 000", string rent = "30 000", string fees = "20000")
    {
        await OrganisationAsync(page);
        await NextAsync(page, 2);
        await ContactAsync(page, email);
        await NextAsync(page, 3);
        await ProjectAsync(page);
        await NextAsync(page, 4);
        await DelmålAsync(page);
        await NextAsync(page, 5);
        await BudgetAsync(page, amountAppliedFor, employees: 2, rent, fees);
        await page["#vedlegg-budget"].SetInputFilesAsync(BudgetPdf);
        await NextAsync(page, 6);
        await AttachmentsAndDeclarationsAsync(page);
        await NextAsync(page, 7);
    }
}
