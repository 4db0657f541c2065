using System.Net;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using static Tilskudd.Api.Tests.Cases.CaseRequests;
using static Tilskudd.Api.Tests.Cases.YearHost;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// A whole grant year per seed over HTTP on Tilskudd.Local (Azurite, the Azure Storage engine), with the development
/// clock moved from one day that matters to the next: every command as people send it, every mail on its day, once.
/// </summary>
public sealed class WholeYearTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task Alta_2027_three_cases_from_the_form_to_closing_send_every_mail_on_its_day_once()
    {
        await using var year = await YearHost.StartAsync(fixture, "TilskuddAltaYear");
        var round = await year.Http.GetJsonAsync("/api/rounds/alta-2027");
        string category = round["budgetCategories"]![0]!["code"].Text();

        // 25 November 2026: a project of 45 000 and one of 25 000 by an Alta organisation, and one by an organisation founded in 2026.
        string twoTranches = await year.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(category));
        var small = ApplicationRequest.ValidAlta(category);
        small.Form["amountAppliedFor"] = 25_000;
        string oneTranche = await year.SubmitAsync("alta-2027", small);
        var young = ApplicationRequest.ValidAlta(category);
        young.Form["organisation"]!["number"] = "987654325";
        string rejected = await year.SubmitAsync("alta-2027", young);

        // Friday 16 April 2027, the day after the deadline: review; a mangelbrev to the first.
        await year.MoveToAsync("2027-04-16 09:00");
        foreach (var reference in new[] { twoTranches, oneTranche, rejected })
        {
            await year.DoAsync(reference, "review", Caseworker, CaseworkerUser);
        }

        await year.DoAsync(twoTranches, "information-requests", Caseworker, CaseworkerUser, new JsonObject { ["question"] = "Hvor mange deltakere regner dere med per kveld?" });
        await year.ExpectMailAsync(twoTranches, "mangelbrev");

        // Monday 19 April: the reply with a file, assessments, and the decisions in office hours: letters at once.
        await year.MoveToAsync("2027-04-19 10:00");
        await year.DoAsync(twoTranches, "information", Organisation, ApplicantUser, content: Form([("answer", "Rundt 40 deltakere, halvparten nye i Alta.")], [("informationReply", "deltakerliste.pdf")]));
        await year.DoAsync(twoTranches, "assessment", Caseworker, CaseworkerUser, Assessment(round, 45_000));
        await year.DoAsync(oneTranche, "assessment", Caseworker, CaseworkerUser, Assessment(round, 25_000));
        await year.DoAsync(rejected, "assessment", Caseworker, CaseworkerUser, Assessment(round, 0, score: 1));
        await year.DoAsync(twoTranches, "decision", "decisionMaker", DecisionMakerUser, Decision("granted", 45_000));
        await year.DoAsync(oneTranche, "decision", "decisionMaker", DecisionMakerUser, Decision("granted", 25_000));
        await year.DoAsync(rejected, "decision", "decisionMaker", DecisionMakerUser, Decision("rejected", 0));
        await year.ExpectMailAsync(twoTranches, "vedtak-innvilget");
        await year.ExpectMailAsync(twoTranches, "tilskuddsbrev");
        await year.ExpectMailAsync(oneTranche, "vedtak-innvilget");
        await year.ExpectMailAsync(oneTranche, "tilskuddsbrev");
        await year.ExpectMailAsync(rejected, "vedtak-avslag");

        // 25 000 is at most 30 000: one payout, on the day the terms are accepted.
        await year.DoAsync(oneTranche, "acceptance", Organisation, ApplicantUser);
        await year.ExpectMailAsync(oneTranche, "utbetalingsmelding");
        var paidOnce = await year.WaitForAsync(oneTranche, s => s["paidOut"]?.GetValue<long>() == 25_000, "its one payout");
        Assert.Equal("ReportDue", paidOnce["status"].Text());

        // Monday 3 May, 08:00: a week before the acceptance deadline (10 May) the first is reminded; it accepts the next day.
        await year.MoveToAsync("2027-05-03 08:00");
        await year.ExpectMailAsync(twoTranches, "paminnelse-aksept");
        await year.MoveToAsync("2027-05-04 10:00");
        await year.DoAsync(twoTranches, "acceptance", Organisation, ApplicantUser);

        // Tuesday 11 May: the rejection's three weeks are over (10 May); an appeal now is refused and the case is closed.
        await year.MoveToAsync("2027-05-11 10:00");
        await year.WaitForAsync(rejected, s => s["status"].Text() == "Closed", "closing after the appeal window");
        var (lateStatus, late) = await year.RefusedAsync(rejected, "appeal", Organisation, ApplicantUser, new JsonObject { ["grounds"] = "Vi var for sent ute." });
        Assert.Equal(HttpStatusCode.Conflict, lateStatus);
        Assert.False(string.IsNullOrWhiteSpace(late["detail"].Text()), late.ToJsonString());

        // Spring: 15 May is a Saturday and 17 May a holiday, so Tuesday 18 May; autumn: Wednesday 15 September.
        await year.MoveToAsync("2027-05-18 08:00");
        await year.ExpectMailAsync(twoTranches, "utbetalingsmelding");
        Assert.Equal(22_500, (await year.WaitForAsync(twoTranches, s => s["paidOut"]?.GetValue<long>() == 22_500, "its spring tranche"))["paidOut"]!.GetValue<long>());
        await year.MoveToAsync("2027-09-15 08:00");
        await year.ExpectMailAsync(twoTranches, "utbetalingsmelding");
        await year.WaitForAsync(twoTranches, s => s["paidOut"]?.GetValue<long>() == 45_000, "its autumn tranche");

        // Report deadline 1 February 2028: reminders 30 days before (2 January is a Sunday: Friday 31 December) and 7 days before.
        await year.MoveToAsync("2027-12-31 08:00");
        await year.ExpectMailAsync(twoTranches, "rapportpaminnelse");
        await year.ExpectMailAsync(oneTranche, "rapportpaminnelse");
        await year.MoveToAsync("2028-01-25 08:00");
        await year.ExpectMailAsync(twoTranches, "rapportpaminnelse");
        await year.ExpectMailAsync(oneTranche, "rapportpaminnelse");

        // The small grant reports in time and is approved; the other is late and gets an overdue notice the day after the deadline.
        // A report without its accounts is refused at the door (both seeds: "rapport og regnskap").
        await year.MoveToAsync("2028-01-26 10:00");
        var (noAccountsStatus, noAccounts) = await year.RefusedAsync(oneTranche, "report", Organisation, ApplicantUser, content: Form([("amountUsed", "25000")], [("report", "rapport.pdf")]));
        Assert.Equal(HttpStatusCode.BadRequest, noAccountsStatus);
        Assert.Equal("report-files-missing", noAccounts["code"].Text());
        Assert.Contains("regnskapet", noAccounts["detail"].Text(), StringComparison.Ordinal);
        await year.DoAsync(oneTranche, "report", Organisation, ApplicantUser, content: Form([("amountUsed", "25000")], [("report", "rapport.pdf"), ("accounts", "regnskap.pdf")]));

        // The caseworker's review sees each file of the report, and opens it by the name the event gives.
        var reported = (await year.Http.EventsAsync(oneTranche)).Last(e => e["type"].Text() == "ReportSubmitted");
        var reportFiles = reported["details"]!["files"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.Equal(["report:rapport.pdf", "accounts:regnskap.pdf"], reportFiles.Select(f => $"{f["kind"].Text()}:{f["fileName"].Text()}"));
        foreach (var file in reportFiles)
        {
            var (linkResponse, link) = await year.Http.ReadAsync($"/api/applications/{oneTranche}/attachments/{file["name"].Text()}");
            Assert.Equal(HttpStatusCode.OK, linkResponse.StatusCode);
            Assert.Equal(file["fileName"].Text(), link["fileName"].Text());
        }

        await year.DoAsync(oneTranche, "report/approval", Caseworker, CaseworkerUser, new JsonObject { ["acceptedUse"] = 25_000, ["comment"] = "Godkjent." });
        await year.WaitForAsync(oneTranche, s => s["status"].Text() == "Closed", "closing after an approved report");
        await year.MoveToAsync("2028-02-02 08:00");
        await year.ExpectMailAsync(twoTranches, "purring");
        await year.MoveToAsync("2028-02-03 10:00");
        await year.DoAsync(twoTranches, "report", Organisation, ApplicantUser, content: Form([("amountUsed", "45000")], [("report", "rapport.pdf"), ("accounts", "regnskap.pdf")]));
        await year.DoAsync(twoTranches, "report/approval", Caseworker, CaseworkerUser, new JsonObject { ["acceptedUse"] = 45_000, ["comment"] = "Godkjent." });
        await year.WaitForAsync(twoTranches, s => s["status"].Text() == "Closed", "closing after an approved report");

        await year.AssertEveryMailOnceOnItsDayAsync(twoTranches, oneTranche, rejected);
    }

    [Fact]
    public async Task Oslo_2027_a_partly_granted_case_appealed_in_time_audited_and_partly_claimed_back_sends_every_mail_on_its_day_once()
    {
        await using var year = await YearHost.StartAsync(fixture, "TilskuddOsloYear");
        var round = await year.Http.GetJsonAsync("/api/rounds/oslo-2027");
        var form = ApplicationRequest.ValidOsloAsPrivatePerson(round["budgetCategories"]![0]!["code"].Text());
        form.Form["budget"]![0]!["amount"] = 120_000;
        form.Form["budget"]![1]!["amount"] = 80_000;
        form.Form["amountAppliedFor"] = 200_000;
        string reference = await year.SubmitAsync("oslo-2027", form);
        string rejected = await year.SubmitAsync("oslo-2027", form);

        // Tuesday 1 December 2026, the day after the deadline: review and a mangelbrev, answered the next day.
        await year.MoveToAsync("2026-12-01 09:00");
        await year.DoAsync(reference, "review", Caseworker, CaseworkerUser);
        await year.DoAsync(rejected, "review", Caseworker, CaseworkerUser);
        await year.DoAsync(rejected, "assessment", Caseworker, CaseworkerUser, Assessment(round, 0, score: 1));
        await year.DoAsync(rejected, "decision", "decisionMaker", DecisionMakerUser, Decision("rejected", 0));
        await year.ExpectMailAsync(rejected, "vedtak-avslag");
        await year.DoAsync(reference, "information-requests", Caseworker, CaseworkerUser, new JsonObject { ["question"] = "Hvem leder samtalegruppene?" });
        await year.ExpectMailAsync(reference, "mangelbrev");
        await year.MoveToAsync("2026-12-02 10:00");
        await year.DoAsync(reference, "information", Organisation, ApplicantUser, content: Form([("answer", "To erfarne frivillige fra styret.")], []));

        // Partly granted: 150 000 of 200 000.
        await year.DoAsync(reference, "assessment", Caseworker, CaseworkerUser, Assessment(round, 150_000, score: 3));
        await year.DoAsync(reference, "decision", "decisionMaker", DecisionMakerUser, Decision("partlyGranted", 150_000));
        await year.ExpectMailAsync(reference, "vedtak-delvis-innvilget");
        await year.ExpectMailAsync(reference, "tilskuddsbrev");

        // An appeal inside the three weeks: received; Velferdsetaten recommends, the byråd upholds and sends it to the klagenemnd.
        await year.MoveToAsync("2026-12-03 10:00");
        await year.DoAsync(reference, "appeal", Organisation, ApplicantUser, new JsonObject { ["grounds"] = "Serveringen er en del av møteplassen." });
        await year.ExpectMailAsync(reference, "klage-mottatt");
        await year.DoAsync(reference, "appeal/recommendation", Caseworker, CaseworkerUser, new JsonObject { ["uphold"] = true, ["recommendation"] = "Serveringen ligger utenfor det ordningen dekker." });
        await year.DoAsync(reference, "appeal/resolution", "decisionMaker", DecisionMakerUser, new JsonObject { ["upheld"] = true, ["reasons"] = new JsonArray("Klagen gir ikke grunn til å endre beløpet.") });
        await year.ExpectMailAsync(reference, "klagevedtak");

        // The second application's rejection is appealed too; the byråd upholds it and it goes to the klagenemnd.
        await year.DoAsync(rejected, "appeal", Organisation, ApplicantUser, new JsonObject { ["grounds"] = "Samtalegruppene er åpne for alle nye i bydelen." });
        await year.ExpectMailAsync(rejected, "klage-mottatt");
        await year.DoAsync(rejected, "appeal/recommendation", Caseworker, CaseworkerUser, new JsonObject { ["uphold"] = true, ["recommendation"] = "Tiltaket er for svakt beskrevet." });
        await year.DoAsync(rejected, "appeal/resolution", "decisionMaker", DecisionMakerUser, new JsonObject { ["upheld"] = true, ["reasons"] = new JsonArray("Klagen gir ikke nye opplysninger.") });
        await year.ExpectMailAsync(rejected, "klagevedtak");
        await year.WaitForAsync(rejected, s => s["status"].Text() == "AppealForwarded", "the klagenemnd");

        // Oslo pays the whole grant at once, on the day the terms are accepted.
        await year.MoveToAsync("2026-12-04 10:00");
        await year.DoAsync(reference, "acceptance", Organisation, ApplicantUser);
        await year.ExpectMailAsync(reference, "utbetalingsmelding");
        await year.WaitForAsync(reference, s => s["paidOut"]?.GetValue<long>() == 150_000, "its one payout");

        // The klagenemnd upholds the decision on 20 January; the kommune registers it and the appeal is over.
        await year.MoveToAsync("2027-01-22 10:00");
        await year.DoAsync(reference, "appeal/appeal-body-decision", Caseworker, CaseworkerUser, new JsonObject { ["decidedOn"] = "2027-01-20", ["letterReference"] = "KN 2027/3", ["upheld"] = true });
        await year.ExpectMailAsync(reference, "klageinstans-vedtak");
        await year.DoAsync(rejected, "appeal/appeal-body-decision", Caseworker, CaseworkerUser, new JsonObject { ["decidedOn"] = "2027-01-20", ["letterReference"] = "KN 2027/4", ["upheld"] = true });
        await year.ExpectMailAsync(rejected, "klageinstans-vedtak");
        await year.WaitForAsync(rejected, s => s["status"].Text() == "Closed", "closing on the klagenemnd's decision");

        await year.MoveToAsync("2027-12-31 08:00");
        await year.ExpectMailAsync(reference, "rapportpaminnelse");
        await year.MoveToAsync("2028-01-25 08:00");
        await year.ExpectMailAsync(reference, "rapportpaminnelse");

        // 150 000 is 100 000 or more: accounts without an auditor's statement are refused, with it taken.
        await year.MoveToAsync("2028-01-26 10:00");
        var (unauditedStatus, unaudited) = await year.RefusedAsync(reference, "report", Organisation, ApplicantUser, content: Form([("amountUsed", "140000")], [("report", "rapport.pdf"), ("accounts", "regnskap.pdf")]));
        Assert.True(unauditedStatus is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, unaudited.ToJsonString());
        Assert.Contains("revisor", unaudited["detail"].Text(), StringComparison.OrdinalIgnoreCase);
        await year.DoAsync(reference, "report", Organisation, ApplicantUser, content: Form([("amountUsed", "140000")], [("report", "rapport.pdf"), ("accounts", "regnskap.pdf"), ("auditorsStatement", "revisorberetning.pdf")]));

        // 10 000 was not used for the purpose: claimed back, paid, and the case closes.
        await year.DoAsync(reference, "report/approval", Caseworker, CaseworkerUser, new JsonObject { ["acceptedUse"] = 140_000, ["comment"] = "Kr 10 000 ble ikke brukt." });
        await year.ExpectMailAsync(reference, "tilbakebetalingskrav");
        await year.WaitForAsync(reference, s => s["status"].Text() == "RepaymentClaimed", "the repayment claim");
        await year.MoveToAsync("2028-02-20 10:00");
        await year.DoAsync(reference, "repayment", Caseworker, CaseworkerUser, new JsonObject { ["amount"] = 10_000 });
        await year.WaitForAsync(reference, s => s["status"].Text() == "Closed", "closing after the repayment");

        await year.AssertEveryMailOnceOnItsDayAsync(reference, rejected);
    }

    static JsonObject Decision(string outcome, long amount) => new()
    {
        ["outcome"] = outcome,
        ["amount"] = amount,
        ["reasons"] = new JsonArray("Vurdert etter kriteriene i ordningen."),
    };
}
