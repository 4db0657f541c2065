using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Cases;

public sealed class CaseCommandTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task A_command_the_case_does_not_take_now_is_refused_with_409_in_Norwegian_and_nothing_is_raised()
    {
        string reference = await fixture.SubmitAltaCaseAsync();
        int eventsBefore = (await http.EventsAsync(reference)).Count;

        // Before the round's deadline review cannot start: not in "mottatt", nor while waiting for the deadline.
        var (response, problem) = await http.PostAsync($"/api/applications/{reference}/review", CaseRequests.Caseworker);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Dette kan ikke gjøres nå", problem["title"].Text());
        Assert.Matches("^(not-allowed-now|before-deadline)$", problem["code"].Text());
        Assert.Matches("(kan ikke gjøres når saken har status|starter etter søknadsfristen)", problem["detail"].Text());
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var events = await http.EventsAsync(reference);
        Assert.DoesNotContain(events, e => e["type"].Text() == "ReviewStarted");
        Assert.True(events.Count <= eventsBefore + 1, "Only the system's eligibility check may have come in between.");
    }

    [Fact]
    public async Task A_command_from_the_wrong_role_is_forbidden_and_a_body_missing_its_outcome_is_a_bad_request()
    {
        string reference = await fixture.SubmitAltaCaseAsync();

        var (asCaseworker, forbidden) = await http.PostAsync($"/api/applications/{reference}/withdrawal", CaseRequests.Caseworker, new JsonObject { ["reason"] = "feil" });
        var (noOutcome, invalid) = await http.PostAsync($"/api/applications/{reference}/decision", "decisionMaker", new JsonObject { ["amount"] = 1000 });

        Assert.Equal(HttpStatusCode.Forbidden, asCaseworker.StatusCode);
        Assert.Equal("forbidden", forbidden["code"].Text());
        Assert.Contains("søkeren", forbidden["detail"].Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Equal("invalid-command", invalid["code"].Text());
        Assert.Contains("outcome", invalid["detail"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_a_command_is_401_and_an_unknown_reference_is_404()
    {
        var (noToken, unknownActor) = await http.PostAsync("/api/applications/ALT-2027-9999/withdrawal", role: null);
        using var garbage = new HttpRequestMessage(HttpMethod.Post, "/api/applications/ALT-2027-9999/withdrawal");
        garbage.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ikke.et.token");
        using var badToken = await http.SendAsync(garbage, TestContext.Current.CancellationToken);
        var (unknown, notFound) = await http.PostAsync("/api/applications/ALT-2027-9999/withdrawal", CaseRequests.Organisation);
        var (unknownEvents, _) = await http.ReadAsync("/api/applications/ALT-2027-9999/events");
        var (eventsWithoutToken, _) = await http.ReadAsync("/api/applications/ALT-2027-9999/events", role: null);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("sign-in-needed", unknownActor["code"].Text());
        Assert.Contains("Bearer", unknownActor["detail"].Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application-not-found", notFound["code"].Text());
        Assert.Equal(HttpStatusCode.NotFound, unknownEvents.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, eventsWithoutToken.StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_lists_the_submission_with_who_and_when()
    {
        string reference = await fixture.SubmitAltaCaseAsync();

        var events = await http.EventsAsync(reference);

        var submitted = events[0];
        Assert.Equal("CaseSubmitted", submitted["type"].Text());
        Assert.Equal(1, submitted["version"]!.GetValue<int>());
        Assert.Equal("System", submitted["by"]!["role"].Text());
        Assert.Equal("intake", submitted["by"]!["id"].Text());
        Assert.Equal(2026, submitted["at"]!.GetValue<DateTimeOffset>().Year);
    }

    [Fact]
    public async Task Every_read_of_the_application_is_in_the_audit_trail_with_who_and_when()
    {
        string reference = await fixture.SubmitAltaCaseAsync();
        var (asApplicant, _) = await http.ReadAsync($"/api/applications/{reference}", CaseRequests.Organisation);
        var (asCaseworker, _) = await http.ReadAsync($"/api/applications/{reference}", CaseRequests.Caseworker);

        var (response, trail) = await http.ReadAsync($"/api/applications/{reference}/events", CaseRequests.DecisionMaker);
        var reads = trail["reads"]!.AsArray().Select(r => r!.AsObject()).ToList();

        Assert.Equal(HttpStatusCode.OK, asApplicant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCaseworker.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reads, r => r["what"].Text() == "application" && r["by"]!["id"].Text() == "soker-1" && r["by"]!["role"].Text() == "Organisation");
        Assert.Contains(reads, r => r["what"].Text() == "application" && r["by"]!["id"].Text() == "saksbehandler-1" && r["by"]!["role"].Text() == "Caseworker");
        Assert.Contains(reads, r => r["what"].Text() == "events" && r["by"]!["id"].Text() == "beslutter-1");
        // On the host's clock (the development clock in tests), as the submission is: within the test's minutes of it
        // (the case's own time runs a little apart from the host's, so a read may seem to come just before it).
        var submittedAt = (await http.EventsAsync(reference))[0]["at"]!.GetValue<DateTimeOffset>();
        Assert.All(reads, r => Assert.InRange(r["at"]!.GetValue<DateTimeOffset>(), submittedAt - TimeSpan.FromMinutes(1), submittedAt + TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_twice_is_one_command_answered_with_the_first_outcome()
    {
        string reference = await fixture.SubmitAltaCaseAsync();
        string key = $"withdraw-{Guid.NewGuid():N}";
        var reason = new JsonObject { ["reason"] = "Prosjektet er avlyst." };

        var (firstStatus, first) = await http.OutcomeOfAsync(await http.PostAsync($"/api/applications/{reference}/withdrawal", CaseRequests.Organisation, reason, key));
        var (secondStatus, second) = await http.OutcomeOfAsync(await http.PostAsync($"/api/applications/{reference}/withdrawal", CaseRequests.Organisation, reason, key));
        var (otherKey, refused) = await http.PostAsync($"/api/applications/{reference}/withdrawal", CaseRequests.Organisation, reason, $"{key}-2");
        var (read, outcome) = await http.ReadAsync($"/api/applications/{reference}/commands/{key}", CaseRequests.Organisation);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(key, first["commandId"].Text());
        Assert.Equal(key, second["commandId"].Text());
        Assert.True(first["accepted"]!.GetValue<bool>());
        Assert.Equal("Withdraw", first["command"].Text());
        Assert.Equal(HttpStatusCode.Conflict, otherKey.StatusCode);
        Assert.Equal("not-allowed-now", refused["code"].Text());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(outcome["accepted"]!.GetValue<bool>());
        var withdrawn = (await http.EventsAsync(reference)).Where(e => e["type"].Text() == "ApplicationWithdrawn").ToList();
        var single = Assert.Single(withdrawn);
        Assert.Equal("Organisation", single["by"]!["role"].Text());
        Assert.Equal(DevSignIn.DefaultUser(CaseRequests.Organisation), single["by"]!["id"].Text());
    }

    [Fact]
    public async Task An_information_reply_the_case_does_not_wait_for_is_refused_and_its_file_is_not_stored()
    {
        string reference = await fixture.SubmitAltaCaseAsync();
        // Settled: past its eligibility turn, waiting for the deadline. While that turn's row is still being written the
        // door lets the case itself decide, and the file is stored before the case refuses (noted in issue 18's note).
        var settled = await http.WaitForStatusAsync(reference, s => s["status"].Text() == "WaitingForDeadline", TimeSpan.FromSeconds(60));
        Assert.Equal("WaitingForDeadline", settled["status"].Text());
        using var form = new MultipartFormDataContent { { new StringContent("Her er svaret."), "answer" } };
        var file = new ByteArrayContent(TestFiles.Pdf(10_000, seed: 9));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "svar.pdf");

        var (response, problem) = await http.PostAsync($"/api/applications/{reference}/information", CaseRequests.Organisation, content: form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("not-allowed-now", problem["code"].Text());
        var blobs = fixture.Blobs.GetBlobContainerClient("attachments")
            .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, reference + "/", TestContext.Current.CancellationToken);
        await foreach (var blob in blobs)
        {
            Assert.DoesNotContain("informationreply", blob.Name, StringComparison.Ordinal);
        }
    }
}
