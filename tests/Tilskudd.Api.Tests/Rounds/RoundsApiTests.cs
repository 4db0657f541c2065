using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Rounds;

public sealed class RoundsApiTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task Rounds_list_shows_the_historical_seed_rounds_closed_and_this_years_rounds_open()
    {
        using var response = await http.GetAsync(new Uri("/api/rounds", UriKind.Relative), TestContext.Current.CancellationToken);
        var rounds = (await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!
            .ToDictionary(r => r!["id"].Text(), r => r!["isOpen"]!.GetValue<bool>());

        Assert.False(rounds["oslo-2021"]);
        Assert.False(rounds["alta-2024"]);
        Assert.True(rounds["oslo-2027"]);
        Assert.True(rounds["alta-2027"]);
    }

    [Fact]
    public async Task A_round_shows_its_rules_as_data()
    {
        var alta = await http.GetJsonAsync("/api/rounds/alta-2027");

        Assert.Equal(286_390, alta["pot"]!.GetValue<long>());
        Assert.Equal("2027-04-15", alta["applicationDeadline"].Text());
        Assert.Equal(3, alta["delmål"]!.AsArray().Count);
        Assert.Equal(10, alta["criteria"]!.AsArray().Count);
        Assert.Equal(10_000, alta["amounts"]!["minimum"]!.GetValue<long>());
        Assert.Equal(1_000_000, alta["amounts"]!["maximum"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_round_shows_its_grant_terms_and_their_version()
    {
        var oslo = await http.GetJsonAsync("/api/rounds/oslo-2027");

        var terms = oslo["grantTerms"]!.AsArray().Select(t => t.Text()).ToList();
        Assert.Contains("Organisasjoner som får tilskudd skal levere rapport og regnskap for bruken av midlene innen 1. februar 2028.", terms);
        Assert.Equal(Domain.Rounds.RoundCatalog.ForYear("oslo", 2027).GrantTermsVersion, oslo["grantTermsVersion"].Text());
    }

    [Fact]
    public async Task An_unknown_round_is_a_problem_in_Norwegian()
    {
        using var response = await http.GetAsync(new Uri("/api/rounds/bodo-2027", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Det finnes ingen tilskuddsrunde", problem!["detail"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_opens_a_round_of_a_scheme_for_a_given_year_once()
    {
        // A year no host's clock reaches in these tests: the whole-year tests share the storage, and a host whose clock
        // passes a deadline opens the next round itself (oslo-2029 was open already when a 2028 test ran first).
        using var first = await http.PostJsonAsAdministratorAsync("/api/rounds", new { schemeId = "oslo", grantYear = 2045 });
        using var again = await http.PostJsonAsAdministratorAsync("/api/rounds", new { schemeId = "oslo", grantYear = 2045 });
        var round = await http.GetJsonAsync("/api/rounds/oslo-2045");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/rounds/oslo-2045", first.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2045, round["grantYear"]!.GetValue<int>());
    }

    [Fact]
    public async Task Opening_a_round_of_an_unknown_scheme_is_refused()
    {
        using var response = await http.PostJsonAsAdministratorAsync("/api/rounds", new { schemeId = "bodo", grantYear = 2027 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Opening_a_round_with_a_broken_body_is_refused_with_the_field_named()
    {
        using var content = new StringContent("{ schemeId: ", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsAdministratorAsync("/api/rounds", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(problem!["errors"]!["schemeId"]);
    }
}
