using System.Net;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Registers;

/// <summary>The form's look-up of an organisation number in Enhetsregisteret (the recorded answers locally).</summary>
public sealed class RegistersApiTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task A_known_number_gives_the_registers_name_and_facts_however_it_is_typed()
    {
        var (response, organisation) = await http.ReadAsync("/api/organisations/912%20345%20688", CaseRequests.Organisation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("912345688", organisation["number"].Text());
        Assert.Equal("NORDLYS FLERKULTURELLE FORENING", organisation["name"].Text());
        Assert.Equal("5603", organisation["kommuneNumber"].Text());
        Assert.Equal("FLI", organisation["organisationForm"].Text());
        Assert.True(organisation["inFrivillighetsregisteret"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_number_is_404_and_a_wrong_one_400_both_in_Norwegian()
    {
        string unknown = Organisations.Number("92222222");
        var (notFound, missing) = await http.ReadAsync($"/api/organisations/{unknown}", CaseRequests.Organisation);
        var (badRequest, wrong) = await http.ReadAsync("/api/organisations/912345678", CaseRequests.Organisation);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("organisation-not-found", missing["code"].Text());
        Assert.Contains("Enhetsregisteret kjenner ikke", missing["detail"].Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.Contains("ikke et gyldig organisasjonsnummer", wrong["detail"].Text(), StringComparison.Ordinal);
    }
}
