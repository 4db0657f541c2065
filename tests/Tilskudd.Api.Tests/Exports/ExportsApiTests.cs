using System.Net;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Exports;

public sealed class ExportsApiTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task A_caseworker_exports_the_rounds_applications_as_csv_and_xlsx_with_a_new_application_in_them()
    {
        string reference = await fixture.SubmitAltaCaseAsync();

        using var csv = await http.SendAsActorAsync(HttpMethod.Get, "/api/rounds/alta-2027/exports/applications?format=csv", CaseRequests.Caseworker);
        using var xlsx = await http.SendAsActorAsync(HttpMethod.Get, "/api/rounds/alta-2027/exports/applications", CaseRequests.Caseworker);
        using var asOrganisation = await http.SendAsActorAsync(HttpMethod.Get, "/api/rounds/alta-2027/exports/applications", CaseRequests.Organisation);
        using var unknown = await http.SendAsActorAsync(HttpMethod.Get, "/api/rounds/alta-2027/exports/kontoer", CaseRequests.Caseworker);

        Assert.Contains(reference, await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..2]));
        Assert.Equal(HttpStatusCode.Forbidden, asOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Imdi_figures_and_statistics_are_json_for_caseworkers_and_open_data_is_public()
    {
        await fixture.SubmitAltaCaseAsync();

        var (imdiResponse, imdi) = await http.ReadAsync("/api/rounds/alta-2027/imdi");
        var (statisticsResponse, statistics) = await http.ReadAsync("/api/rounds/alta-2027/statistics");
        using var openData = await http.GetAsync(new Uri("/api/rounds/alta-2027/open-data", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, imdiResponse.StatusCode);
        Assert.True(imdi["applications"]!.GetValue<int>() >= 1);
        Assert.Equal(["A", "B", "C"], imdi["perDelmål"]!.AsArray().Select(d => d!["delmål"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, statisticsResponse.StatusCode);
        Assert.Equal(286_390, statistics["pot"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, openData.StatusCode);
        Assert.NotNull(JsonNode.Parse(await openData.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["grants"]);
    }
}
