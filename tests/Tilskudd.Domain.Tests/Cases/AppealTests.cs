using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Templates;
using static Tilskudd.Domain.Tests.Cases.CaseSpec;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>
/// Appeals as forvaltningsloven §§ 28–34 want them, and habilitet (§ 6). Alta 2024's letters go out on Friday 26 April;
/// its appeal window ends Tuesday 21 May (17 May, the weekend and Andre pinsedag move it).
/// </summary>
public class AppealTests
{
    static readonly Actor OtherCaseworker = new(ActorRole.Caseworker, "saksbehandler-2");
    static readonly Actor OtherDecisionMaker = new(ActorRole.DecisionMaker, "beslutter-2");

    /// <summary>80 000 applied for, 50 000 granted in part; letters out 26 April 2024.</summary>
    static CaseSpec PartlyGrantedAlta()
    {
        var spec = new CaseSpec(Alta2024).Assessed(80_000, 50_000);
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 50_000, ["Budsjettet for servering er høyt."]), Oslo(2024, 4, 26));
        return spec.RunClockUntil(Oslo(2024, 4, 26));
    }

    static CaseSpec RejectedAlta()
    {
        var spec = new CaseSpec(Alta2024).Assessed();
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Tiltaket retter seg ikke mot målgruppen."]), Oslo(2024, 5, 2));
        return spec.RunClockUntil(Oslo(2024, 5, 2));
    }

    /// <summary>Submitted five days before the deadline (15 April 2024), eligible, under review from 16 April.</summary>
    static CaseSpec UnderReviewAlta()
    {
        var spec = new CaseSpec(Alta2024);
        spec.Submit(Oslo(2024, 4, 10)).Eligible(Oslo(2024, 4, 10, 11));
        return spec.Do(new StartReview(Caseworker), Oslo(2024, 4, 16));
    }

    static CaseSpec Prepared(CaseSpec spec, DateTimeOffset appealedAt, bool uphold = false)
    {
        spec.Do(new Appeal(Organisation, "Serveringen er selve møteplassen."), appealedAt);
        return spec.Do(new RecommendOnAppeal(Caseworker, uphold, "Klagen peker på at serveringen er en del av tiltaket."), appealedAt.AddDays(1));
    }

    [Fact]
    public void An_accepted_grant_can_be_appealed_within_the_window_and_its_payouts_go_on()
    {
        // Alta: "Klagefristen er tre uker fra vedtaksbrevet er utsendt fra kommunen" — not from the acceptance.
        var spec = PartlyGrantedAlta();
        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 4, 28)).RunClockUntil(Oslo(2024, 5, 15, 12));

        spec.Do(new Appeal(Organisation, "Serveringen er selve møteplassen."), Oslo(2024, 5, 16));

        Assert.Equal(CaseStatus.PayingOut, spec.State.Status);
        Assert.True(spec.State.Tranches[0].Paid);
        Assert.Contains(spec.Mails, m => m.TemplateId == TemplateIds.KlageMottatt);
    }

    [Fact]
    public void ChangedGrantReplansTheUnpaidTranches_after_an_appeal_on_day_20()
    {
        // Accepted on day 2, spring tranche paid, appealed on day 20; the decision maker raises the grant to 70 000.
        var spec = PartlyGrantedAlta();
        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 4, 28)).RunClockUntil(Oslo(2024, 5, 15, 12));
        Prepared(spec, Oslo(2024, 5, 16));

        spec.Do(new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.PartlyGranted, 70_000, ["Serveringen er en del av møteplassen."]), Oslo(2024, 5, 22));
        spec.RunClockUntil(Oslo(2024, 9, 17));

        Assert.Equal(70_000, spec.State.Granted);
        Assert.Equal([(1, 25_000L, true), (2, 45_000L, true)], spec.State.Tranches.Select(t => (t.Number, t.Amount, t.Paid)));
        Assert.Equal(70_000, spec.Effects.OfType<ReserveGrant>().Last().Amount);
        Assert.Equal(45_000, spec.Effects.OfType<RegisterTranche>().Last(t => t.Number == 2).Amount);
        Assert.Equal(CaseStatus.ReportDue, spec.State.Status);
        var letter = spec.Mails.Single(m => m.TemplateId == TemplateIds.Klagevedtak);
        string text = TemplateRenderer.Render(letter.TemplateId, letter.Model).TextBody;
        Assert.Contains("kr 70 000", text, StringComparison.Ordinal);
        Assert.Contains("Høsttermin: kr 45 000 (16. september 2024)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedGrantReplansTheUnpaidTranches_from_the_rounds_plan_when_nothing_is_paid()
    {
        var spec = PartlyGrantedAlta();
        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 4, 28));
        Prepared(spec, Oslo(2024, 5, 2));

        spec.Do(new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.PartlyGranted, 70_000, ["Endret."]), Oslo(2024, 5, 6));

        Assert.Equal([(1, 35_000L, new DateOnly(2024, 5, 15)), (2, 35_000L, new DateOnly(2024, 9, 16))], spec.State.Tranches.Select(t => (t.Number, t.Amount, t.DueOn)));
    }

    [Fact]
    public void ChangedGrantReplansTheUnpaidTranches_with_an_extra_payout_when_all_is_paid()
    {
        var tranches = new[] { new Tranche(1, "Utbetaling", 150_000, new DateOnly(2021, 2, 1), Oslo(2021, 2, 1, 8), Paid: true) };

        var (plan, cancelled) = TranchePlan.ChangedGrantReplansTheUnpaidTranches(Oslo2021, tranches, 180_000, Oslo(2021, 3, 1, 10), CasePolicy.Default);

        Assert.Equal([(1, 150_000L, true), (2, 30_000L, false)], plan.Select(t => (t.Number, t.Amount, t.Paid)));
        Assert.Equal(new DateOnly(2021, 3, 1), plan[1].DueOn);
        Assert.Empty(cancelled);
    }

    [Fact]
    public void ChangedGrantReplansTheUnpaidTranches_and_cancels_a_tranche_that_falls_away()
    {
        // 50 000 in two tranches, nothing paid; lowered to 30 000, which Alta pays at once: the autumn order is withdrawn.
        var tranches = TranchePlan.For(Alta2024, 50_000, new DateOnly(2024, 4, 28), CasePolicy.Default);

        var (plan, cancelled) = TranchePlan.ChangedGrantReplansTheUnpaidTranches(Alta2024, tranches, 30_000, Oslo(2024, 5, 6), CasePolicy.Default);

        Assert.Equal([(1, 30_000L)], plan.Select(t => (t.Number, t.Amount)));
        Assert.Equal([(2, 0L)], cancelled.Select(t => (t.Number, t.Amount)));
    }

    [Fact]
    public void ChangedGrantIsNotBelowWhatIsPaidOut()
    {
        var spec = PartlyGrantedAlta();
        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 4, 28)).RunClockUntil(Oslo(2024, 5, 15, 12));
        Prepared(spec, Oslo(2024, 5, 16));

        Assert.Equal("below-paid-out", spec.When(new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.PartlyGranted, 20_000, ["Lavere."]), Oslo(2024, 5, 22)).Error?.Code);
        Assert.Equal("grant-accepted", spec.When(new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.Rejected, 0, ["Avslag."]), Oslo(2024, 5, 22)).Error?.Code);
    }

    [Fact]
    public void OnlyTheDecisionMakerDecides_the_appeal_not_the_caseworker()
    {
        // Oslo: "Velferdsetaten … gir en anbefaling … Byråden fatter vedtak."
        var spec = Prepared(PartlyGrantedAlta(), Oslo(2024, 5, 2));

        Assert.Equal("only-decision-maker", spec.When(new ReconsiderAppeal(Caseworker, true, DecisionOutcome.PartlyGranted, 50_000, ["Opprettholdt."]), Oslo(2024, 5, 6)).Error?.Code);
    }

    [Fact]
    public void TheAssessorDoesNotDecide_the_appeal()
    {
        // The caseworker who assessed also holds the decision maker's role: they still cannot decide the appeal.
        var spec = Prepared(PartlyGrantedAlta(), Oslo(2024, 5, 2));
        var assessorAsDecisionMaker = new Actor(ActorRole.DecisionMaker, Caseworker.Id);

        Assert.Equal("only-someone-other-than-the-assessor", spec.When(new ReconsiderAppeal(assessorAsDecisionMaker, true, DecisionOutcome.PartlyGranted, 50_000, ["Opprettholdt."]), Oslo(2024, 5, 6)).Error?.Code);
    }

    [Fact]
    public void TheAppealIsPreparedBeforeItIsDecided()
    {
        var spec = PartlyGrantedAlta();
        spec.Do(new Appeal(Organisation, "Klage."), Oslo(2024, 5, 2));

        Assert.Equal("appeal-not-prepared", spec.When(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.PartlyGranted, 50_000, ["Opprettholdt."]), Oslo(2024, 5, 6)).Error?.Code);
    }

    [Fact]
    public void OnlyAnOpenAppealIsHandled()
    {
        var spec = PartlyGrantedAlta();

        Assert.Equal("no-open-appeal", spec.When(new RecommendOnAppeal(Caseworker, true, "Ingen klage."), Oslo(2024, 5, 2)).Error?.Code);
    }

    [Fact]
    public void An_upheld_appeal_goes_to_the_klageinstans_whose_final_decision_closes_the_case()
    {
        // Oslo: the byråd upholds the rejection; the klagenemnd's decision is registered and ends the appeal (fvl §§ 33–34).
        var spec = new CaseSpec(Oslo2021).Assessed(200_000);
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Tiltaket ligger utenfor delmålene."]), Oslo(2021, 1, 14)).RunClockUntil(Oslo(2021, 1, 14));
        Prepared(spec, Oslo(2021, 1, 20), uphold: true);
        spec.Do(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.Rejected, 0, ["Klagen gir ikke nye opplysninger."]), Oslo(2021, 1, 25));
        Assert.Equal(CaseStatus.AppealForwarded, spec.State.Status);

        spec.Do(new RegisterAppealBodyDecision(Caseworker, new DateOnly(2021, 3, 10), "KN 2021/14", true, DecisionOutcome.Rejected, 0, []), Oslo(2021, 3, 12));

        Assert.Equal(CaseStatus.Closed, spec.State.Status);
        Assert.Equal(new DateOnly(2021, 3, 10), spec.State.Appeal!.AppealBodyDecidedOn);
        var mail = spec.Mails.Single(m => m.TemplateId == TemplateIds.KlageinstansVedtak);
        Assert.Contains("10. mars 2021", TemplateRenderer.Render(mail.TemplateId, mail.Model).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyAForwardedAppealGetsTheAppealBodysDecision()
    {
        var spec = Prepared(PartlyGrantedAlta(), Oslo(2024, 5, 6));

        Assert.Equal("appeal-not-forwarded", spec.When(new RegisterAppealBodyDecision(Caseworker, new DateOnly(2024, 5, 7), "KN 1/24", true, DecisionOutcome.Rejected, 0, []), Oslo(2024, 5, 8)).Error?.Code);
    }

    [Fact]
    public void OnlyTheKommuneRegistersTheAppealBodysDecision()
    {
        // The klageinstans's letter comes to the kommune; the organisation cannot register its own outcome.
        var spec = Prepared(RejectedAlta(), Oslo(2024, 5, 6), uphold: true);
        spec.Do(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.Rejected, 0, ["Opprettholdt."]), Oslo(2024, 5, 8));

        Assert.Equal("only-officer", spec.When(new RegisterAppealBodyDecision(Organisation, new DateOnly(2024, 5, 20), "KN 1/24", false, DecisionOutcome.Granted, 50_000, ["Innvilget."]), Oslo(2024, 5, 21)).Error?.Code);
        Assert.True(spec.When(new RegisterAppealBodyDecision(DecisionMaker, new DateOnly(2024, 5, 20), "KN 1/24", true, DecisionOutcome.Rejected, 0, []), Oslo(2024, 5, 21)).IsAccepted);
    }

    [Fact]
    public void TheAppealBodysDecisionIsNotInTheFuture()
    {
        var spec = Prepared(RejectedAlta(), Oslo(2024, 5, 6), uphold: true);
        spec.Do(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.Rejected, 0, ["Opprettholdt."]), Oslo(2024, 5, 8));

        Assert.Equal("appeal-body-date", spec.When(new RegisterAppealBodyDecision(Caseworker, new DateOnly(2024, 6, 1), "KN 1/24", true, DecisionOutcome.Rejected, 0, []), Oslo(2024, 5, 20)).Error?.Code);
    }

    [Fact]
    public void OneAppealPerDecision_the_klageinstans_decision_is_final()
    {
        // The klagenemnd grants what the kommune rejected: the new vedtak says it is final and cannot be appealed (fvl § 28).
        var spec = Prepared(RejectedAlta(), Oslo(2024, 5, 6), uphold: true);
        spec.Do(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.Rejected, 0, ["Opprettholdt."]), Oslo(2024, 5, 8));

        spec.Do(new RegisterAppealBodyDecision(Caseworker, new DateOnly(2024, 6, 3), "KN 3/24", false, DecisionOutcome.PartlyGranted, 30_000, ["Tiltaket treffer delvis målgruppen."]), Oslo(2024, 6, 4));
        spec.RunClockUntil(Oslo(2024, 6, 4, 12));

        Assert.Equal(CaseStatus.AwaitingAcceptance, spec.State.Status);
        var letter = spec.Mails.Last(m => m.TemplateId == TemplateIds.VedtakDelvisInnvilget);
        string text = TemplateRenderer.Render(letter.TemplateId, letter.Model).TextBody;
        Assert.Contains("kan ikke påklages", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Klagefristen er", text, StringComparison.Ordinal);
        Assert.Equal("appeal-final", spec.When(new Appeal(Organisation, "Vi klager igjen."), Oslo(2024, 6, 5)).Error?.Code);
    }

    [Fact]
    public void OneAppealPerDecision_a_decision_the_kommune_changed_may_be_appealed_in_its_turn()
    {
        var granted = Prepared(PartlyGrantedAlta(), Oslo(2024, 5, 6));
        Assert.Equal("appeal-exists", granted.When(new Appeal(Organisation, "Enda en klage."), Oslo(2024, 5, 7)).Error?.Code);
        var spec = Prepared(RejectedAlta(), Oslo(2024, 5, 6));

        spec.Do(new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.PartlyGranted, 25_000, ["Tiltaket treffer delvis målgruppen."]), Oslo(2024, 5, 13));
        spec.RunClockUntil(Oslo(2024, 5, 13, 12));

        Assert.True(spec.When(new Appeal(Organisation, "Vi mener hele beløpet bør gis."), Oslo(2024, 5, 20)).IsAccepted);
    }

    [Fact]
    public void The_acceptance_deadline_waits_while_the_appeal_is_open()
    {
        // The letter says "Klager dere, venter fristen for å akseptere vilkårene til klagen er avgjort."
        var spec = PartlyGrantedAlta();
        Prepared(spec, Oslo(2024, 5, 2), uphold: true);
        spec.Do(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.PartlyGranted, 50_000, ["Opprettholdt."]), Oslo(2024, 5, 13));

        spec.RunClockUntil(Oslo(2024, 6, 30));
        Assert.Equal(CaseStatus.AwaitingAcceptance, spec.State.Status);
        Assert.DoesNotContain(spec.Mails, m => m.TemplateId == TemplateIds.PaminnelseAksept);

        spec.Do(new RegisterAppealBodyDecision(Caseworker, new DateOnly(2024, 7, 1), "KN 4/24", true, DecisionOutcome.PartlyGranted, 50_000, []), Oslo(2024, 7, 2));
        Assert.Equal(new DateOnly(2024, 7, 23), spec.State.AcceptanceDeadline);
        spec.RunClockUntil(Oslo(2024, 7, 24, 12));
        Assert.Equal(CaseStatus.Lapsed, spec.State.Status);
        Assert.Single(spec.Mails, m => m.TemplateId == TemplateIds.PaminnelseAksept);
    }

    [Fact]
    public void OnlyALateAppealIsAdmittedLate_and_the_kommune_may_take_it_under_consideration_with_a_reason()
    {
        // Forvaltningsloven § 31: the rejection closed when its window ended; the kommune takes the late appeal all the same.
        var spec = RejectedAlta().RunClockUntil(Oslo(2024, 5, 31));
        Assert.Equal(CaseStatus.Closed, spec.State.Status);
        Assert.Equal("appeal-late", spec.When(new Appeal(Organisation, "For sent."), Oslo(2024, 6, 3)).Error?.Code);
        Assert.Equal("text-missing", spec.When(new AdmitLateAppeal(Caseworker, "For sent.", " "), Oslo(2024, 6, 3)).Error?.Code);

        spec.Do(new AdmitLateAppeal(Caseworker, "Vi fikk aldri brevet.", "Vedtaksbrevet kom i retur; organisasjonen kan ikke lastes for forsinkelsen."), Oslo(2024, 6, 3));

        Assert.Equal(CaseStatus.AppealReceived, spec.State.Status);
        var receipt = spec.Mails.Last(m => m.TemplateId == TemplateIds.KlageMottatt);
        Assert.Contains("forvaltningsloven § 31", TemplateRenderer.Render(receipt.TemplateId, receipt.Model).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyALateAppealIsAdmittedLate_not_one_in_time()
    {
        var spec = RejectedAlta();

        Assert.Equal("appeal-not-late", spec.When(new AdmitLateAppeal(Caseworker, "Klage.", "Grunn."), Oslo(2024, 5, 10)).Error?.Code);
    }

    [Fact]
    public void ADisqualifiedOfficerDoesNotActOnTheCase()
    {
        // Forvaltningsloven § 6: the caseworker sits on the organisation's board and says so.
        var spec = UnderReviewAlta();

        spec.Do(new DeclareImpartiality(Caseworker, true, "Jeg er styremedlem i organisasjonen."), Oslo(2024, 4, 16, 11));

        Assert.Equal("disqualified", spec.When(new Assess(Caseworker, spec.AllCriteria(), [], 50_000, "Anbefales."), Oslo(2024, 4, 17)).Error?.Code);
        Assert.True(spec.When(new Assess(OtherCaseworker, spec.AllCriteria(), [], 50_000, "Anbefales."), Oslo(2024, 4, 17)).IsAccepted);
        spec.Do(new DeclareImpartiality(DecisionMaker, true, "Nær familie av styreleder."), Oslo(2024, 4, 18));
        Assert.Equal("disqualified", spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2024, 4, 19)).Error?.Code);
        Assert.True(spec.When(new MakeDecision(OtherDecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2024, 4, 19)).IsAccepted);
    }

    [Fact]
    public void ADisqualifiedOfficerDoesNotActOnTheCase_nor_on_its_appeal()
    {
        var spec = PartlyGrantedAlta();
        spec.Do(new Appeal(Organisation, "Klage."), Oslo(2024, 5, 2));
        spec.Do(new DeclareImpartiality(Caseworker, true, "Har uttalt meg offentlig om saken."), Oslo(2024, 5, 3));

        Assert.Equal("disqualified", spec.When(new RecommendOnAppeal(Caseworker, true, "Opprettholdes."), Oslo(2024, 5, 6)).Error?.Code);
        Assert.True(spec.When(new RecommendOnAppeal(OtherCaseworker, true, "Opprettholdes."), Oslo(2024, 5, 6)).IsAccepted);
    }

    [Fact]
    public void OnlyOfficersDeclareImpartiality()
    {
        var spec = PartlyGrantedAlta();

        Assert.Equal("only-officer", spec.When(new DeclareImpartiality(Organisation, true, "Vi mener saksbehandleren er inhabil."), Oslo(2024, 5, 2)).Error?.Code);
        Assert.Equal("text-missing", spec.When(new DeclareImpartiality(Caseworker, false, ""), Oslo(2024, 5, 2)).Error?.Code);
        Assert.True(spec.When(new DeclareImpartiality(Caseworker, false, "Navnelikhet med styreleder; ingen forbindelse."), Oslo(2024, 5, 2)).IsAccepted);
        Assert.False(spec.State.IsDisqualified(Caseworker));
    }

    [Fact]
    public void MainConsiderations_of_a_rejection_name_the_low_scores_and_the_exclusions()
    {
        // Forvaltningsloven § 25: "De hovedhensyn som har vært avgjørende … bør nevnes."
        var spec = UnderReviewAlta();
        var scores = Alta2024.Criteria.Select((c, i) => new CriterionScore(c.Code, i == 0 ? 1 : 4, "")).ToList();
        var exclusion = Alta2024.NotSupported[0];
        spec.Do(new Assess(Caseworker, scores, [exclusion.Code], 0, "Avslås."), Oslo(2024, 4, 17));
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Tiltaket er ikke innenfor ordningen."]), Oslo(2024, 4, 19)).RunClockUntil(Oslo(2024, 4, 19, 12));

        var letter = spec.Mails.Single(m => m.TemplateId == TemplateIds.VedtakAvslag);
        string text = TemplateRenderer.Render(letter.TemplateId, letter.Model).TextBody;

        Assert.Contains($"«{Alta2024.Criteria[0].Text}» er vurdert til 1 av 5.", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"«{Alta2024.Criteria[1].Text}»", text, StringComparison.Ordinal);
        Assert.Contains("Det gis ikke støtte til: " + exclusion.Text, text, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven §§ 24 og 25", text, StringComparison.Ordinal);
        Assert.Contains("Klagefristen er 3 uker", text, StringComparison.Ordinal);
        Assert.Contains("rett til å se sakens dokumenter", text, StringComparison.Ordinal);
    }
}
