using System.Net;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Cases;

public sealed class CaseReadTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task The_budget_of_Alta_2027_shows_its_pot_of_286_390_kroner_to_caseworkers()
    {
        var (response, budget) = await http.ReadAsync("/api/rounds/alta-2027/budget");
        var (asOrganisation, _) = await http.ReadAsync("/api/rounds/alta-2027/budget", CaseRequests.Organisation);
        var (unknownRound, _) = await http.ReadAsync("/api/rounds/nowhere-2027/budget");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(286_390, budget["pot"]!.GetValue<long>());
        Assert.Equal(budget["pot"]!.GetValue<long>() - budget["granted"]!.GetValue<long>(), budget["left"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Forbidden, asOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRound.StatusCode);
    }

    [Fact]
    public async Task The_account_number_is_whole_to_a_caseworker_masked_to_the_organisation_and_not_shown_to_anyone_with_only_the_reference()
    {
        string reference = await fixture.SubmitAltaCaseAsync();

        var (_, asCaseworker) = await http.ReadAsync($"/api/applications/{reference}");
        var (_, asOrganisation) = await http.ReadAsync($"/api/applications/{reference}", CaseRequests.Organisation);
        var (anonymousResponse, anonymous) = await http.ReadAsync($"/api/applications/{reference}", role: null);

        Assert.Equal("1503 12 34562", asCaseworker["organisation"]!["accountNumber"].Text());
        Assert.Equal("**** ** *4562", asOrganisation["organisation"]!["accountNumber"].Text());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.Null(anonymous["organisation"]);
    }

    [Fact]
    public async Task The_round_lists_its_cases_by_status_a_page_at_a_time_with_a_continuation_token()
    {
        var references = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string reference = await fixture.SubmitAltaCaseAsync();
            var (status, _) = await http.OutcomeOfAsync(await http.PostAsync($"/api/applications/{reference}/withdrawal", CaseRequests.Organisation));
            Assert.Equal(HttpStatusCode.OK, status);
            references.Add(reference);
        }

        foreach (string reference in references)
        {
            await WaitForViewStatusAsync(reference, "Withdrawn");
        }

        var listed = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            string path = "/api/rounds/alta-2027/applications?status=withdrawn&pageSize=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var (response, page) = await http.ReadAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.True(items.Count <= 2);
            Assert.All(items, i => Assert.Equal("Withdrawn", i["status"].Text()));
            Assert.All(items, i => Assert.Equal("trukket", i["statusText"].Text()));
            listed.AddRange(items.Select(i => i["reference"].Text()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.True(pages >= 2, "Three withdrawn cases at two a page take more than one page.");
        Assert.Subset(listed.ToHashSet(), references.ToHashSet());
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task A_listing_with_an_unknown_status_or_page_size_is_a_bad_request_and_organisations_may_not_list()
    {
        var (badStatus, problem) = await http.ReadAsync("/api/rounds/alta-2027/applications?status=sleeping");
        var (badSize, _) = await http.ReadAsync("/api/rounds/alta-2027/applications?pageSize=51");
        var (asOrganisation, _) = await http.ReadAsync("/api/rounds/alta-2027/applications", CaseRequests.Organisation);

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("invalid-status", problem["code"].Text());
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asOrganisation.StatusCode);
    }

    [Fact]
    public async Task The_decision_meeting_shows_caseworkers_the_recommendations_against_the_pot_as_data_or_a_spreadsheet()
    {
        var (response, meeting) = await http.ReadAsync("/api/rounds/alta-2027/decision-meeting");
        var (asOrganisation, _) = await http.ReadAsync("/api/rounds/alta-2027/decision-meeting", CaseRequests.Organisation);
        var (unknownRound, _) = await http.ReadAsync("/api/rounds/nowhere-2027/decision-meeting");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(286_390, meeting["pot"]!.GetValue<long>());
        long recommended = meeting["cases"]!.AsArray().Sum(c => c!["recommendedAmount"]!.GetValue<long>());
        Assert.Equal(recommended, meeting["recommended"]!.GetValue<long>());
        Assert.Equal(meeting["left"]!.GetValue<long>() - recommended, meeting["leftAfterRecommended"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Forbidden, asOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRound.StatusCode);

        using var spreadsheet = await http.SendAsActorAsync(HttpMethod.Get, "/api/rounds/alta-2027/decision-meeting?format=xlsx", CaseRequests.Caseworker);
        byte[] bytes = await spreadsheet.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, spreadsheet.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", spreadsheet.Content.Headers.ContentType?.MediaType);
        Assert.Equal("vedtaksmote-alta-2027.xlsx", spreadsheet.Content.Headers.ContentDisposition?.FileNameStar ?? spreadsheet.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_case_commands()
    {
        var document = await http.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/applications/{reference}/decision"));
        Assert.True(paths.ContainsKey("/api/rounds/{id}/budget"));
        Assert.True(paths["/api/applications/{reference}/decision"]!["post"]!["requestBody"] is not null);
    }

    async Task WaitForViewStatusAsync(string reference, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await fixture.WaitForCaseViewAsync(reference)).GetString("Status") != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{reference} never reached {status} in its view.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
