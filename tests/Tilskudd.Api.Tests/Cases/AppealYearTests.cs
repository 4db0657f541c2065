using System.Net;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using static Tilskudd.Api.Tests.Cases.CaseRequests;
using static Tilskudd.Api.Tests.Cases.YearHost;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// Appeals over HTTP as forvaltningsloven §§ 28–34 want them, on Tilskudd.Local with the development clock: an accepted
/// grant appealed within the window and changed by the decision maker, and a rejection upheld and sent to the
/// klagenemnd, whose final decision closes the case. Every mail on its day, once.
/// </summary>
public sealed class AppealYearTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task Alta_2027_a_partly_granted_case_accepted_on_day_2_and_appealed_on_day_20_gets_a_changed_grant_its_tranches_follow()
    {
        await using var year = await YearHost.StartAsync(fixture, "TilskuddAltaAppeal");
        var round = await year.Http.GetJsonAsync("/api/rounds/alta-2027");
        string category = round["budgetCategories"]![0]!["code"].Text();
        string partly = await year.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(category));
        var young = ApplicationRequest.ValidAlta(category);
        young.Form["organisation"]!["number"] = "987654325";
        string rejected = await year.SubmitAsync("alta-2027", young);
        string undecided = await year.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(category));

        await year.MoveToAsync("2027-04-16 09:00");
        await year.DoAsync(partly, "review", Caseworker, CaseworkerUser);
        await year.DoAsync(undecided, "review", Caseworker, CaseworkerUser);
        await year.DoAsync(rejected, "review", Caseworker, CaseworkerUser);

        // Monday 19 April: 35 000 of 45 000; the other is rejected, and a rejection without grounds is refused first (fvl § 24).
        await year.MoveToAsync("2027-04-19 10:00");
        await year.DoAsync(partly, "assessment", Caseworker, CaseworkerUser, Assessment(round, 35_000, score: 3));
        await year.DoAsync(rejected, "assessment", Caseworker, CaseworkerUser, Assessment(round, 0, score: 1));
        await year.DoAsync(partly, "decision", "decisionMaker", DecisionMakerUser, new JsonObject { ["outcome"] = "partlyGranted", ["amount"] = 35_000, ["reasons"] = new JsonArray("Budsjettet for servering er høyere enn ordningen dekker.") });
        var (groundless, noGrounds) = await year.RefusedAsync(rejected, "decision", "decisionMaker", DecisionMakerUser, new JsonObject { ["outcome"] = "rejected", ["amount"] = 0, ["reasons"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.BadRequest, groundless);
        Assert.Contains("begrunnes", noGrounds["detail"].Text(), StringComparison.Ordinal);
        await year.DoAsync(rejected, "decision", "decisionMaker", DecisionMakerUser, new JsonObject { ["outcome"] = "rejected", ["amount"] = 0, ["reasons"] = new JsonArray("Organisasjonen har ikke eksistert i ett år.") });
        await year.ExpectMailAsync(partly, "vedtak-delvis-innvilget");
        await year.ExpectMailAsync(partly, "tilskuddsbrev");
        await year.ExpectMailAsync(rejected, "vedtak-avslag");

        // Day 2: the organisation accepts the terms (to get its spring tranche), which does not end its right to appeal.
        await year.MoveToAsync("2027-04-21 10:00");
        await year.DoAsync(partly, "acceptance", Organisation, ApplicantUser);

        // The rejected organisation appeals; the caseworker recommends upholding; the decision maker sends it to the klagenemnd.
        await year.MoveToAsync("2027-04-26 10:00");
        await year.DoAsync(rejected, "appeal", Organisation, ApplicantUser, new JsonObject { ["grounds"] = "Foreningen har drevet uformelt i mange år." });
        await year.ExpectMailAsync(rejected, "klage-mottatt");
        await year.DoAsync(rejected, "appeal/recommendation", Caseworker, CaseworkerUser, new JsonObject { ["uphold"] = true, ["recommendation"] = "Kravet om ett års registrering er ikke oppfylt." });
        await year.DoAsync(rejected, "appeal/resolution", "decisionMaker", DecisionMakerUser, new JsonObject { ["upheld"] = true, ["reasons"] = new JsonArray("Organisasjonen var ikke ett år da den søkte.") });
        await year.ExpectMailAsync(rejected, "klagevedtak");
        await year.WaitForAsync(rejected, s => s["status"].Text() == "AppealForwarded", "the klagenemnd");

        // Day 20, Sunday 9 May: the accepted grant is appealed within the three weeks.
        await year.MoveToAsync("2027-05-09 10:00");
        await year.DoAsync(partly, "appeal", Organisation, ApplicantUser, new JsonObject { ["grounds"] = "Serveringen er selve møteplassen." });
        await year.ExpectMailAsync(partly, "klage-mottatt");

        // Monday 10 May: not decided before it is prepared; the caseworker who assessed cannot decide it, nor a caseworker at all.
        await year.MoveToAsync("2027-05-10 10:00");
        var (unprepared, notPrepared) = await year.RefusedAsync(partly, "appeal/resolution", "decisionMaker", DecisionMakerUser, Changed(42_000));
        Assert.Equal(HttpStatusCode.Conflict, unprepared);
        Assert.Contains("innstilling", notPrepared["detail"].Text(), StringComparison.Ordinal);
        await year.DoAsync(partly, "appeal/recommendation", Caseworker, CaseworkerUser, new JsonObject { ["uphold"] = false, ["recommendation"] = "Serveringen er en del av tiltaket; foreslår 42 000." });
        var (assessorStatus, assessor) = await year.RefusedAsync(partly, "appeal/resolution", "decisionMaker", CaseworkerUser, Changed(42_000));
        Assert.Equal(HttpStatusCode.Forbidden, assessorStatus);
        Assert.Contains("vurderte", assessor["detail"].Text(), StringComparison.Ordinal);
        await year.DoAsync(partly, "appeal/resolution", "decisionMaker", DecisionMakerUser, Changed(42_000));
        await year.ExpectMailAsync(partly, "klagevedtak");
        var changed = await year.WaitForAsync(partly, s => s["granted"]?.GetValue<long>() == 42_000, "the changed grant");
        Assert.Equal("PayingOut", changed["status"].Text());

        // The tranches follow the new amount: 21 000 in spring (Tuesday 18 May) and 21 000 in autumn. The third application
        // is still not decided a month after the deadline (15 May, a Saturday; 17 May a holiday): its foreløpig svar, once.
        await year.MoveToAsync("2027-05-18 08:00");
        await year.ExpectMailAsync(partly, "utbetalingsmelding");
        await year.ExpectMailAsync(undecided, "forelopig-svar");
        await year.WaitForAsync(partly, s => s["paidOut"]?.GetValue<long>() == 21_000, "the spring tranche of the new amount");

        // The klagenemnd upholds the rejection on 1 June; registered, it closes the case.
        await year.MoveToAsync("2027-06-03 10:00");
        await year.DoAsync(rejected, "appeal/appeal-body-decision", Caseworker, CaseworkerUser, new JsonObject { ["decidedOn"] = "2027-06-01", ["letterReference"] = "KN 2027/11", ["upheld"] = true });
        await year.ExpectMailAsync(rejected, "klageinstans-vedtak");
        await year.WaitForAsync(rejected, s => s["status"].Text() == "Closed", "closing on the klagenemnd's decision");

        await year.MoveToAsync("2027-09-15 08:00");
        await year.ExpectMailAsync(partly, "utbetalingsmelding");
        await year.WaitForAsync(partly, s => s["paidOut"]?.GetValue<long>() == 42_000, "the autumn tranche of the new amount");

        await year.AssertEveryMailOnceOnItsDayAsync(partly, rejected, undecided);
    }

    static JsonObject Changed(long amount) => new()
    {
        ["upheld"] = false,
        ["newOutcome"] = "partlyGranted",
        ["newAmount"] = amount,
        ["reasons"] = new JsonArray("Serveringen er en del av møteplassen, og dekkes delvis."),
    };
}
