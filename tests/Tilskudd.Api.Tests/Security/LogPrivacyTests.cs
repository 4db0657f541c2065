using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Security;

/// <summary>
/// "Logs for operators, never personal data": everything a host writes (stdout and stderr, the product at Debug and
/// the libraries at Information) over a case's life from the form to acceptance holds no e-mail address, no name or phone number from
/// the form, no national identity number and no account number.
/// </summary>
public sealed partial class LogPrivacyTests(TilskuddFixture fixture)
{
    const string ContactName = "Sigrid Personvernsen";
    // No subscriber number starts with 0 in Norway: invented, and nobody's.
    const string Phone = "+47 01 23 45 67";
    const string NationalIdentityNumber = "01017012345";
    const string AccountNumber = "1234.56.78903";

    [Fact]
    public async Task A_case_from_the_form_to_acceptance_leaves_no_personal_data_in_the_hosts_output()
    {
        await using var host = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddLogs", new Dictionary<string, string>
        {
            // What an operator turns on to find a fault: every category the host quietens, at Information.
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__LogLevel__Microsoft.DurableTask"] = "Information",
            ["Logging__LogLevel__DurableTask.AzureStorage"] = "Information",
            ["Logging__LogLevel__DurableTask.Core"] = "Information",
            ["Logging__LogLevel__Microsoft.DurableTask.Sidecar"] = "Information",
            ["Logging__LogLevel__Grpc"] = "Information",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Information",
            ["Logging__LogLevel__Azure"] = "Information",
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var round = await http.GetJsonAsync("/api/rounds/alta-2027");
        var application = ApplicationRequest.ValidAlta(round["budgetCategories"]![0]!["code"].Text());
        application.Form["contact"] = new JsonObject { ["name"] = ContactName, ["email"] = "sigrid.personvernsen@example.org", ["phone"] = Phone };
        application.Form["project"]!["description"] = $"Kontakt {ContactName} (fødselsnummer {NationalIdentityNumber}), konto {AccountNumber}.";
        var (submitted, receipt) = await http.SubmitAsync("alta-2027", application);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string reference = receipt["reference"].Text();
        await http.WaitForStatusAsync(reference, s => s["status"].Text() == "WaitingForDeadline", TimeSpan.FromSeconds(60));

        using var moved = await http.PostAsync(new Uri("/dev/clock", UriKind.Relative), new StringContent("""{"moveTo":"2027-04-20T10:00:00+02:00"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(moved.IsSuccessStatusCode);
        await AcceptedAsync(http, reference, "review", CaseRequests.Caseworker, []);
        await AcceptedAsync(http, reference, "information-requests", CaseRequests.Caseworker, new JsonObject { ["question"] = $"Hva er telefonnummeret til {ContactName}?" });
        using var reply = new MultipartFormDataContent { { new StringContent($"Det er {Phone}, og e-post sigrid.personvernsen@example.org."), "answer" } };
        await AcceptedAsync(http, reference, "information", CaseRequests.Organisation, null, reply);
        var scores = new JsonArray([.. round["criteria"]!.AsArray().Select(c => (JsonNode)new JsonObject { ["code"] = c!["code"].Text(), ["score"] = 4, ["comment"] = $"Godt forklart av {ContactName}." })]);
        await AcceptedAsync(http, reference, "assessment", CaseRequests.Caseworker, new JsonObject { ["scores"] = scores, ["exclusions"] = new JsonArray(), ["recommendedAmount"] = 45_000, ["comment"] = "Anbefales." });
        await AcceptedAsync(http, reference, "decision", CaseRequests.DecisionMaker, new JsonObject { ["outcome"] = "granted", ["amount"] = 45_000, ["reasons"] = new JsonArray() });
        await http.WaitForStatusAsync(reference, s => s["status"].Text() == "AwaitingAcceptance", TimeSpan.FromSeconds(60));
        await AcceptedAsync(http, reference, "acceptance", CaseRequests.Organisation, []);
        await http.WaitForMailsAsync(reference, 3, TimeSpan.FromSeconds(30));

        var lines = host.AllOutput;
        var leaks = lines.Where(line => EmailAddress().IsMatch(line) || line.Contains("Sigrid", StringComparison.OrdinalIgnoreCase) || line.Contains("Personvernsen", StringComparison.OrdinalIgnoreCase)
            || line.Contains("Kari Testesen", StringComparison.Ordinal) || line.Contains(Phone[4..], StringComparison.Ordinal) || ElevenDigits().IsMatch(line) || line.Contains(AccountNumber, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count > 100, $"The host wrote only {lines.Count} lines: is the log captured?");
        Assert.Contains(lines, line => line.Contains(reference, StringComparison.Ordinal));
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {lines.Count} lines hold personal data:{Environment.NewLine}{string.Join(Environment.NewLine, leaks.Take(20))}");
    }

    static async Task AcceptedAsync(HttpClient http, string reference, string command, string role, JsonObject? body, HttpContent? content = null)
    {
        var sent = await http.PostAsync($"/api/applications/{reference}/{command}", role, body, idempotencyKey: $"{command}-1", content: content);
        var (status, outcome) = await http.OutcomeOfAsync(sent);
        Assert.True(status == HttpStatusCode.OK && outcome["accepted"]?.GetValue<bool>() == true, $"{command}: {(int)status} {outcome.ToJsonString()}");
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    /// <summary>A national identity number or an account number: eleven digits on their own.</summary>
    [GeneratedRegex(@"(?<![\d.])\d{11}(?![\d.])")]
    private static partial Regex ElevenDigits();
}
