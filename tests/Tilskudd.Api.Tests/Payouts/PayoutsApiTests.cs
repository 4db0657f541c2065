using System.Net;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Payouts;

public sealed class PayoutsApiTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task A_caseworker_fetches_a_days_pain001_file_and_an_organisation_may_not()
    {
        using var asCaseworker = await http.SendAsActorAsync(HttpMethod.Get, "/api/kommuner/5603/payouts/2020-01-06", CaseRequests.Caseworker);
        using var asOrganisation = await http.SendAsActorAsync(HttpMethod.Get, "/api/kommuner/5603/payouts/2020-01-06", CaseRequests.Organisation);
        using var csv = await http.SendAsActorAsync(HttpMethod.Get, "/api/kommuner/5603/payouts/2020-01-06?format=csv", CaseRequests.Caseworker);
        using var future = await http.SendAsActorAsync(HttpMethod.Get, "/api/kommuner/5603/payouts/2099-01-01", CaseRequests.Caseworker);
        using var unknownKommune = await http.SendAsActorAsync(HttpMethod.Get, "/api/kommuner/1234/payouts/2020-01-06", CaseRequests.Caseworker);

        string xml = await asCaseworker.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, asCaseworker.StatusCode);
        Assert.Contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", xml, StringComparison.Ordinal);
        Assert.Contains("<MsgId>TILSKUDD-5603-20200106</MsgId>", xml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asOrganisation.StatusCode);
        Assert.StartsWith("Betalingsfil;Betalingsid;", await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKommune.StatusCode);
    }

    [Fact]
    public async Task A_confirmation_that_cannot_be_read_is_refused_in_norwegian_and_unknown_payments_are_named()
    {
        using var broken = await http.SendAsActorAsync(HttpMethod.Post, "/api/kommuner/5603/payouts/confirmations", CaseRequests.Caseworker, "<Document><ikke lukket");
        using var unknown = await http.SendAsActorAsync(HttpMethod.Post, "/api/kommuner/5603/payouts/confirmations", CaseRequests.Caseworker, "Betalingsid;Status\nALT-1999-0001-1;ACSC\n");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Kunne ikke lese bekreftelsen", await broken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("ALT-1999-0001-1", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
