using System.Net;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// An Alta case from the form to its first payout over HTTP, with the development clock moved past the
/// deadline and to the spring payout. A host of its own: moving its clock must not move the other tests'.
/// </summary>
public sealed class DevClockLifecycleTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task An_Alta_grant_is_reviewed_assessed_decided_accepted_and_its_spring_tranche_paid_on_the_dev_clock()
    {
        await using var host = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddYear");
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var round = await http.GetJsonAsync("/api/rounds/alta-2027");
        var (submitted, receipt) = await http.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(round["budgetCategories"]![0]!["code"].Text()));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string reference = receipt["reference"].Text();
        await http.WaitForStatusAsync(reference, s => s["status"].Text() == "WaitingForDeadline", TimeSpan.FromSeconds(60));

        // Past the deadline (15 April 2027), a Tuesday morning in office hours.
        var moved = await MoveClockAsync(http, "2027-04-20T10:00:00+02:00");
        Assert.True(moved["casesTold"]!.GetValue<int>() >= 1);

        await AcceptedAsync(http, reference, "review", CaseRequests.Caseworker, []);
        var scores = new JsonArray([.. round["criteria"]!.AsArray().Select(c => (JsonNode)new JsonObject { ["code"] = c!["code"].Text(), ["score"] = 4, ["comment"] = "God" })]);
        await AcceptedAsync(http, reference, "assessment", CaseRequests.Caseworker, new JsonObject { ["scores"] = scores, ["exclusions"] = new JsonArray(), ["recommendedAmount"] = 45_000, ["comment"] = "Godt prosjekt." });
        await TheAssessmentIsTheKommunesOwnNoteNotTheApplicantsTimelineAsync(http, reference);
        await AcceptedAsync(http, reference, "decision", "decisionMaker", new JsonObject { ["outcome"] = "granted", ["amount"] = 45_000, ["reasons"] = new JsonArray() });
        var awaiting = await http.WaitForStatusAsync(reference, s => s["status"].Text() == "AwaitingAcceptance", TimeSpan.FromSeconds(60));
        Assert.Equal("AwaitingAcceptance", awaiting["status"].Text());
        await TheDecisionLetterIsAPdfOnTheCasePageAndInTheMailAsync(http, reference);
        await AcceptedAsync(http, reference, "acceptance", CaseRequests.Organisation, []);

        // Alta: "er tilskuddet på over 30.000 kroner, blir utbetalingen delt i to terminer, vår og høst".
        // 15 May 2027 is a Saturday and 17 May a public holiday: the spring payout falls on Tuesday 18 May.
        await MoveClockAsync(http, "2027-05-19T10:00:00+02:00");
        var paying = await http.WaitForStatusAsync(reference, s => s["paidOut"]?.GetValue<long>() > 0, TimeSpan.FromSeconds(60));
        Assert.Equal(22_500, paying["paidOut"]!.GetValue<long>());

        var (budgetResponse, budget) = await http.ReadAsync("/api/rounds/alta-2027/budget");
        Assert.Equal(HttpStatusCode.OK, budgetResponse.StatusCode);
        Assert.True(budget["granted"]!.GetValue<long>() >= 45_000);
        var mails = await http.MailsForAsync(reference);
        Assert.True(mails.Count >= 3, $"Expected the receipt, the decision letter and the payout notice for {reference}, got: {string.Join(", ", mails.Select(m => m["mailId"].Text()))}");
    }

    /// <summary>The caseworkers see the assessment and who read the case; the applicant's timeline has neither.</summary>
    static async Task TheAssessmentIsTheKommunesOwnNoteNotTheApplicantsTimelineAsync(HttpClient http, string reference)
    {
        var (asCaseworker, trail) = await http.ReadAsync($"/api/applications/{reference}/events", CaseRequests.Caseworker);
        var (asApplicant, timeline) = await http.ReadAsync($"/api/applications/{reference}/events", CaseRequests.Organisation);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (asCaseworker.StatusCode, asApplicant.StatusCode));
        Assert.Contains(trail["events"]!.AsArray(), e => e!["type"].Text() == "CaseAssessed");
        Assert.NotEmpty(trail["reads"]!.AsArray());
        Assert.Contains(timeline["events"]!.AsArray(), e => e!["type"].Text() == "ReviewStarted");
        Assert.DoesNotContain(timeline["events"]!.AsArray(), e => e!["type"].Text() == "CaseAssessed");
        Assert.Empty(timeline["reads"]!.AsArray());
    }

    /// <summary>The vedtak and the tilskuddsbrev as PDF: listed for the case page, downloadable, and attached to their mails.</summary>
    static async Task TheDecisionLetterIsAPdfOnTheCasePageAndInTheMailAsync(HttpClient http, string reference)
    {
        // The case view says AwaitingAcceptance from the decision's first effect; the letters are rendered by the effects after it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<JsonObject> letters;
        while (true)
        {
            var (listed, body) = await http.ReadAsync($"/api/applications/{reference}/letters", CaseRequests.Organisation);
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            letters = [.. body["letters"]!.AsArray().Select(l => l!.AsObject())];
            if (letters.Count >= 2 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["Tilskuddsbrev", "Vedtak om tilskudd"], letters.Select(l => l["kind"].Text()).Order(StringComparer.Ordinal));

        var vedtak = letters.Single(l => l["kind"].Text() == "Vedtak om tilskudd");
        using var anonymous = await http.GetAsync(new Uri(vedtak["link"].Text(), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var download = await http.SendAsActorAsync(HttpMethod.Get, vedtak["link"].Text(), CaseRequests.Organisation);
        byte[] pdf = await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var (missing, _) = await http.ReadAsync($"/api/applications/{reference}/letters/ukjent.pdf", CaseRequests.Organisation);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var mails = await http.WaitForMailsAsync(reference, 3, TimeSpan.FromSeconds(30));
        var decisionMail = mails.Single(m => m["mailId"].Text().EndsWith("/vedtak-innvilget", StringComparison.Ordinal));
        var attachment = Assert.Single(decisionMail["attachments"]!.AsArray())!;
        Assert.Equal(vedtak["fileName"].Text(), attachment["fileName"].Text());
        using var fromSink = await http.GetAsync(new Uri(attachment["link"].Text(), UriKind.Relative), TestContext.Current.CancellationToken);
        byte[] attached = await fromSink.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(attached, 0, 5));
        Assert.True(attached.Length > 10_000, $"The attached letter is {attached.Length} bytes.");
    }

    static async Task<JsonObject> MoveClockAsync(HttpClient http, string to)
    {
        using var response = await http.PostAsync(
            new Uri("/dev/clock", UriKind.Relative),
            new StringContent(new JsonObject { ["moveTo"] = to }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    static async Task AcceptedAsync(HttpClient http, string reference, string command, string role, JsonObject body)
    {
        var sent = await http.PostAsync($"/api/applications/{reference}/{command}", role, body, idempotencyKey: $"{command}-1");
        var (status, outcome) = await http.OutcomeOfAsync(sent);
        Assert.True(status == HttpStatusCode.OK && outcome["accepted"]?.GetValue<bool>() == true, $"{command}: {(int)status} {outcome.ToJsonString()}");
    }
}
