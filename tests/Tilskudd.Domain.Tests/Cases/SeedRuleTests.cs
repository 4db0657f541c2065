using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Templates;
using static Tilskudd.Domain.Tests.Cases.CaseSpec;

namespace Tilskudd.Domain.Tests.Cases;

/// <summary>One test or more per rule of the seeds, named by the rule.</summary>
public class SeedRuleTests
{
    static CaseSpec GrantedAndLetterSent(CaseSpec spec, long amount, DateTimeOffset decidedAt)
    {
        spec.Assessed(amount);
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, amount, ["Godt tiltak."]), decidedAt);
        return spec.RunClockUntil(decidedAt);
    }

    static CaseSpec RejectedAndLetterSent(CaseSpec spec, DateTimeOffset decidedAt)
    {
        spec.Assessed();
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Tiltaket retter seg ikke mot målgruppen."]), decidedAt);
        return spec.RunClockUntil(decidedAt);
    }

    [Fact]
    public void Alta_grant_over_30000_is_paid_in_spring_and_autumn()
    {
        var spec = GrantedAndLetterSent(new(Alta2024), 50_000, Oslo(2024, 4, 26));

        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 5, 2));

        var tranches = spec.State.Tranches;
        Assert.Equal([(1, 25_000L, new DateOnly(2024, 5, 15)), (2, 25_000L, new DateOnly(2024, 9, 16))], tranches.Select(t => (t.Number, t.Amount, t.DueOn)));
        Assert.Equal(2, spec.Effects.OfType<RegisterTranche>().Count());
    }

    [Fact]
    public void Alta_grant_of_30000_is_paid_at_once_when_terms_are_accepted()
    {
        var spec = GrantedAndLetterSent(new(Alta2024), 30_000, Oslo(2024, 4, 26));

        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 5, 2, 11));
        spec.RunClockUntil(Oslo(2024, 5, 2, 12));

        Assert.Equal(CaseStatus.ReportDue, spec.State.Status);
        Assert.Equal(30_000, spec.State.PaidOut);
        Assert.Single(spec.Mails, m => m.TemplateId == TemplateIds.Utbetalingsmelding);
    }

    [Fact]
    public void Alta_odd_krone_goes_to_the_spring_tranche()
    {
        var tranches = TranchePlan.For(Alta2024, 45_001, new DateOnly(2024, 5, 2), CasePolicy.Default);

        Assert.Equal([22_501L, 22_500L], tranches.Select(t => t.Amount));
    }

    [Fact]
    public void Alta_spring_tranche_is_paid_at_acceptance_when_that_is_later_than_15_May()
    {
        var tranches = TranchePlan.For(Alta2024, 40_000, new DateOnly(2024, 6, 3), CasePolicy.Default);

        Assert.Equal(new DateOnly(2024, 6, 3), tranches[0].DueOn);
    }

    [Fact]
    public void Oslo_grant_is_paid_at_once_when_terms_are_accepted()
    {
        var tranches = TranchePlan.For(Oslo2021, 400_000, new DateOnly(2021, 3, 1), CasePolicy.Default);

        Assert.Equal([(400_000L, new DateOnly(2021, 3, 1))], tranches.Select(t => (t.Amount, t.DueOn)));
    }

    [Fact]
    public void Oslo_report_is_due_1_February_the_year_after_the_grant_year()
    {
        var spec = GrantedAndLetterSent(new(Oslo2021), 60_000, Oslo(2021, 1, 14));

        Assert.Equal(new DateOnly(2022, 2, 1), spec.State.ReportDeadline);
    }

    [Fact]
    public void Organisation_not_in_Frivillighetsregisteret_cannot_be_granted()
    {
        var spec = new CaseSpec(Oslo2021);
        spec.Submit(Oslo(2020, 11, 20));
        spec.Do(new CheckEligibility(Registers, false, false, null), Oslo(2020, 11, 20, 11));
        spec.Do(new StartReview(Caseworker), Oslo(2020, 12, 1));
        spec.Do(new Assess(Caseworker, spec.AllCriteria(), [], 50_000, ""), Oslo(2020, 12, 2));

        var result = spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2020, 12, 10));

        Assert.Equal("ineligible", result.Error?.Code);
        Assert.Contains("Frivillighetsregisteret", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oslo_does_not_require_the_organisation_to_be_registered_in_the_kommune_or_a_year_old()
    {
        var spec = new CaseSpec(Oslo2021).Submit(Oslo(2020, 11, 20));

        spec.Do(new CheckEligibility(Registers, true, false, new DateOnly(2020, 10, 1), "FLI"), Oslo(2020, 11, 20, 11));

        Assert.Empty(spec.State.EligibilityFindings!);
    }

    [Fact]
    public void Alta_organisation_must_be_registered_in_the_kommune()
    {
        var spec = new CaseSpec(Alta2024).Submit(Oslo(2024, 4, 2));

        spec.Do(new CheckEligibility(Registers, true, false, new DateOnly(2010, 1, 1), "FLI"), Oslo(2024, 4, 2, 11));

        Assert.Equal(["Organisasjonen er ikke registrert i Alta kommune."], spec.State.EligibilityFindings);
    }

    [Fact]
    public void Alta_organisation_must_have_existed_for_at_least_one_year()
    {
        var spec = new CaseSpec(Alta2024).Submit(Oslo(2024, 4, 2));

        spec.Do(new CheckEligibility(Registers, true, true, new DateOnly(2023, 4, 3), "FLI"), Oslo(2024, 4, 2, 11));

        Assert.Single(spec.State.EligibilityFindings!, f => f.Contains("minst 1 år", StringComparison.Ordinal));
    }

    [Fact]
    public void Alta_organisation_exactly_one_year_old_is_eligible()
    {
        var spec = new CaseSpec(Alta2024).Submit(Oslo(2024, 4, 2));

        spec.Do(new CheckEligibility(Registers, true, true, new DateOnly(2023, 4, 2), "FLI"), Oslo(2024, 4, 2, 11));

        Assert.Empty(spec.State.EligibilityFindings!);
    }

    [Theory]
    [InlineData("FLI")]
    [InlineData("STI")]
    [InlineData("AS")]
    public void OrganisationMustBeOfAFormTheRoundSupports_a_forening_a_stiftelse_or_an_aksjeselskap_may_get_support_in_Alta(string form)
    {
        var spec = new CaseSpec(Alta2024).Submit(Oslo(2024, 4, 2));

        spec.Do(new CheckEligibility(Registers, true, true, new DateOnly(2010, 1, 1), form), Oslo(2024, 4, 2, 11));

        Assert.Empty(spec.State.EligibilityFindings!);
    }

    [Fact]
    public void OrganisationMustBeOfAFormTheRoundSupports_an_enkeltpersonforetak_or_an_unknown_form_may_not_in_Alta_but_may_in_Oslo()
    {
        var sole = new CaseSpec(Alta2024).Submit(Oslo(2024, 4, 2));
        var unknown = new CaseSpec(Alta2024).Submit(Oslo(2024, 4, 2));
        var oslo = new CaseSpec(Oslo2021).Submit(Oslo(2020, 11, 20, 10));

        sole.Do(new CheckEligibility(Registers, true, true, new DateOnly(2010, 1, 1), "ENK"), Oslo(2024, 4, 2, 11));
        unknown.Do(new CheckEligibility(Registers, true, true, new DateOnly(2010, 1, 1), null), Oslo(2024, 4, 2, 11));
        oslo.Do(new CheckEligibility(Registers, true, true, new DateOnly(2010, 1, 1), "ENK"), Oslo(2020, 11, 20, 11));

        Assert.Equal(["Organisasjonen er registrert som enkeltpersonforetak (ENK); Alta kommune gir tilskudd til forening/lag/innretning (FLI), stiftelse (STI), aksjeselskap (AS)."], sole.State.EligibilityFindings);
        Assert.Single(unknown.State.EligibilityFindings!, f => f.StartsWith("Registeret oppgir ikke organisasjonsformen", StringComparison.Ordinal));
        Assert.Empty(oslo.State.EligibilityFindings!);
    }

    [Fact]
    public void Alta_assessment_scores_all_ten_criteria()
    {
        var spec = new CaseSpec(Alta2024);
        spec.Submit(Oslo(2024, 4, 2)).Eligible(Oslo(2024, 4, 2, 11)).Do(new StartReview(Caseworker), Oslo(2024, 4, 16));

        var result = spec.When(new Assess(Caseworker, [.. spec.AllCriteria().Skip(1)], [], 50_000, ""), Oslo(2024, 4, 17));

        Assert.Equal(10, Alta2024.Criteria.Count);
        Assert.Equal("criteria-missing", result.Error?.Code);
    }

    [Fact]
    public void Alta_asylum_reception_activity_is_also_scored_on_the_three_reception_criteria()
    {
        var spec = new CaseSpec(Alta2024);
        spec.Submit(Oslo(2024, 4, 2), atReception: true, receptionContact: "Mottaksleder (oppdiktet)").Eligible(Oslo(2024, 4, 2, 11)).Do(new StartReview(Caseworker), Oslo(2024, 4, 16));
        var onlyTen = spec.AllCriteria().Where(s => Alta2024.Criteria.Any(c => c.Code == s.Code)).ToList();

        Assert.Equal("criteria-missing", spec.When(new Assess(Caseworker, onlyTen, [], 50_000, ""), Oslo(2024, 4, 17)).Error?.Code);
        Assert.True(spec.When(new Assess(Caseworker, spec.AllCriteria(), [], 50_000, ""), Oslo(2024, 4, 17)).IsAccepted);
        Assert.Equal(13, spec.State.Assessment!.Scores.Count);
    }

    [Fact]
    public void Alta_asylum_reception_activity_without_a_contact_person_cannot_be_recommended()
    {
        var spec = new CaseSpec(Alta2024);
        spec.Submit(Oslo(2024, 4, 2), atReception: true).Eligible(Oslo(2024, 4, 2, 11)).Do(new StartReview(Caseworker), Oslo(2024, 4, 16));

        var result = spec.When(new Assess(Caseworker, spec.AllCriteria(), [], 50_000, ""), Oslo(2024, 4, 17));

        Assert.Equal("reception-contact-missing", result.Error?.Code);
    }

    [Theory]
    [InlineData("investeringer")]
    [InlineData("offentlig-ansatte")]
    [InlineData("utenfor-norge")]
    [InlineData("generell-drift")]
    [InlineData("imdi-dobbeltfinansiering")]
    [InlineData("tros-og-livssyn-drift")]
    public void Alta_activity_the_seed_does_not_support_cannot_be_granted(string exclusion)
    {
        Assert.Contains(Alta2024.NotSupported, x => x.Code == exclusion);
        var spec = new CaseSpec(Alta2024);
        spec.Submit(Oslo(2024, 4, 2)).Eligible(Oslo(2024, 4, 2, 11)).Do(new StartReview(Caseworker), Oslo(2024, 4, 16));
        spec.Do(new Assess(Caseworker, spec.AllCriteria(), [exclusion], 0, "Omfattes ikke."), Oslo(2024, 4, 17));

        var result = spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2024, 4, 26));

        Assert.Equal("excluded", result.Error?.Code);
        Assert.True(spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, ["Det gis ikke støtte til dette."]), Oslo(2024, 4, 26)).IsAccepted);
    }

    [Fact]
    public void Oslo_the_recommendation_is_Velferdsetatens_and_the_decision_the_byråds()
    {
        var spec = new CaseSpec(Oslo2021).Assessed();

        var result = spec.When(new MakeDecision(Caseworker, DecisionOutcome.Granted, 50_000, []), Oslo(2021, 1, 14));

        Assert.Equal("only-decision-maker", result.Error?.Code);
    }

    [Fact]
    public void TheAssessorDoesNotDecide_even_when_they_are_also_a_decision_maker()
    {
        var spec = new CaseSpec(Oslo2021).Assessed();
        var assessorAsDecisionMaker = new Actor(ActorRole.DecisionMaker, Caseworker.Id);

        var refused = spec.When(new MakeDecision(assessorAsDecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2021, 1, 14));
        var decided = spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2021, 1, 14));

        Assert.Equal("only-someone-other-than-the-assessor", refused.Error?.Code);
        Assert.True(decided.IsAccepted);
    }

    [Fact]
    public void Grant_is_never_above_the_amount_applied_for()
    {
        var spec = new CaseSpec(Alta2024).Assessed(50_000);

        var result = spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 60_000, ["Mer."]), Oslo(2024, 4, 26));

        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Alta_grant_is_never_above_what_is_left_of_the_286390_pot()
    {
        var spec = new CaseSpec(Alta2024, potRemaining: 20_000).Assessed(50_000);

        var result = spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2024, 4, 26));

        Assert.Equal("pot-exceeded", result.Error?.Code);
        Assert.Contains("kr 20 000", result.Error?.Message, StringComparison.Ordinal);
        Assert.True(spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 20_000, ["Rammen er nesten brukt opp."]), Oslo(2024, 4, 26)).IsAccepted);
        Assert.Equal(20_000, spec.Last!.Effects.OfType<ReserveGrant>().Single().Amount);
    }

    [Fact]
    public void Partial_grant_needs_a_reason()
    {
        var spec = new CaseSpec(Alta2024).Assessed(50_000);

        Assert.Equal("partial-grant-reason", spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 40_000, []), Oslo(2024, 4, 26)).Error?.Code);
    }

    [Fact]
    public void Rejection_needs_reasons()
    {
        var spec = new CaseSpec(Alta2024).Assessed(50_000);

        Assert.Equal("rejection-reason", spec.When(new MakeDecision(DecisionMaker, DecisionOutcome.Rejected, 0, [" "]), Oslo(2024, 4, 26)).Error?.Code);
    }

    [Fact]
    public void Appeal_within_three_weeks_is_received()
    {
        var spec = RejectedAndLetterSent(new(Alta2024), Oslo(2024, 5, 2));

        spec.Do(new Appeal(Organisation, "Vi mener tiltaket treffer målgruppen."), Oslo(2024, 5, 23, 23, 59));

        Assert.Equal(CaseStatus.AppealReceived, spec.State.Status);
        Assert.Contains(spec.Mails, m => m.TemplateId == TemplateIds.KlageMottatt);
    }

    [Fact]
    public void Appeal_after_three_weeks_is_refused()
    {
        var spec = RejectedAndLetterSent(new(Alta2024), Oslo(2024, 5, 2));

        var result = spec.When(new Appeal(Organisation, "For sent."), Oslo(2024, 5, 24, 0, 1));

        Assert.Equal("appeal-late", result.Error?.Code);
        Assert.Contains("23. mai 2024", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appeal_deadline_on_a_Sunday_moves_to_Monday() =>
        Assert.Equal(new DateOnly(2024, 6, 10), Alta2024.Appeal.DeadlineFor(new DateOnly(2024, 5, 19)));

    [Fact]
    public void Appeal_deadline_on_a_public_holiday_moves_to_the_next_working_day()
    {
        // Sent Friday 26 April 2024: three weeks is 17 May (Grunnlovsdag), then a weekend and Andre pinsedag.
        var spec = RejectedAndLetterSent(new(Alta2024), Oslo(2024, 4, 26));

        Assert.Equal(new DateOnly(2024, 5, 21), spec.State.AppealDeadline);
        Assert.True(spec.When(new Appeal(Organisation, "Klage."), Oslo(2024, 5, 21, 15)).IsAccepted);
    }

    [Fact]
    public void Rejection_letter_states_the_appeal_deadline()
    {
        var spec = RejectedAndLetterSent(new(Alta2024), Oslo(2024, 4, 26));

        var letter = spec.Mails.Single(m => m.TemplateId == TemplateIds.VedtakAvslag);

        Assert.Contains("innen 21. mai 2024", TemplateRenderer.Render(letter.TemplateId, letter.Model).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Upheld_rejection_is_forwarded_to_the_appeal_body()
    {
        var spec = RejectedAndLetterSent(new(Alta2024), Oslo(2024, 5, 2));
        spec.Do(new Appeal(Organisation, "Klage."), Oslo(2024, 5, 6));
        spec.Do(new RecommendOnAppeal(Caseworker, true, "Klagen gir ikke nye opplysninger."), Oslo(2024, 5, 10));

        spec.Do(new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.Rejected, 0, ["Klagen gir ikke nye opplysninger."]), Oslo(2024, 5, 13));

        Assert.Equal(CaseStatus.AppealForwarded, spec.State.Status);
        Assert.Contains(spec.Mails, m => m.TemplateId == TemplateIds.Klagevedtak);
    }

    [Fact]
    public void Changed_decision_after_appeal_reserves_the_new_amount_and_sends_new_letters()
    {
        var spec = RejectedAndLetterSent(new(Alta2024), Oslo(2024, 5, 2));
        spec.Do(new Appeal(Organisation, "Klage."), Oslo(2024, 5, 6));
        spec.Do(new RecommendOnAppeal(Caseworker, false, "Tiltaket treffer delvis målgruppen."), Oslo(2024, 5, 10));

        spec.Do(new ReconsiderAppeal(DecisionMaker, false, DecisionOutcome.PartlyGranted, 25_000, ["Tiltaket treffer delvis målgruppen."]), Oslo(2024, 5, 13));
        spec.RunClockUntil(Oslo(2024, 5, 13, 11));

        Assert.Equal(25_000, spec.Effects.OfType<ReserveGrant>().Last().Amount);
        Assert.Equal(CaseStatus.AwaitingAcceptance, spec.State.Status);
        Assert.Contains(spec.Mails, m => m.TemplateId == TemplateIds.Tilskuddsbrev);
    }

    // Alta: "nærmere rapporteringskrav og frister vil stå i tilskuddsbrev"; the round's grantTerms are what the letter states.
    [Theory]
    [InlineData("alta", 50_000)]
    [InlineData("oslo", 150_000)]
    public void GrantLetterStatesTheRoundsTerms(string scheme, long amount)
    {
        var round = scheme == "alta" ? Alta2024 : Oslo2021;
        var day = round.ApplicationDeadline.AddDays(11);
        var spec = GrantedAndLetterSent(new(round), amount, Oslo(day.Year, day.Month, day.Day));

        var sent = spec.Mails.Single(m => m.TemplateId == TemplateIds.Tilskuddsbrev);
        string letter = TemplateRenderer.Render(sent.TemplateId, sent.Model).TextBody;

        Assert.NotEmpty(round.GrantTerms);
        Assert.All(round.GrantTerms, term => Assert.Equal(1, Occurrences(letter, $"- {term}\n")));
        Assert.Contains($"Vilkårene er versjon {round.GrantTermsVersion} av vilkårene for ordningen.", letter, StringComparison.Ordinal);
        Assert.Contains($"innen {Domain.Text.NorwegianFormat.Date(spec.State.AcceptanceDeadline!.Value)}. Aksepterer dere ikke innen fristen", letter, StringComparison.Ordinal);
        Assert.Contains($"skal være hos oss innen {Domain.Text.NorwegianFormat.Date(spec.State.ReportDeadline!.Value)}", letter, StringComparison.Ordinal);
        Assert.Contains("utbetales", letter, StringComparison.Ordinal);
        Assert.Equal(amount >= round.Report.AuditThreshold, letter.Contains("revisorberetningen skal legges ved", StringComparison.Ordinal));
        // The template's own list of terms is gone: only the round's terms are stated, each once.
        Assert.DoesNotContain("Det som ikke er brukt til formålet", letter, StringComparison.Ordinal);
        Assert.InRange(Occurrences(letter, "Riksrevisjonen"), 0, 1);
    }

    static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void AcceptanceRecordsTheTermsVersion()
    {
        var spec = GrantedAndLetterSent(new(Alta2024), 50_000, Oslo(2024, 4, 26));

        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 5, 2));

        Assert.Equal(Alta2024.GrantTermsVersion, spec.History.OfType<DecisionLetterSent>().Single().GrantTermsVersion);
        Assert.Equal(Alta2024.GrantTermsVersion, spec.Emitted<TermsAccepted>().Single().GrantTermsVersion);
        Assert.Matches("^alta-2024-[0-9a-f]{8}$", Alta2024.GrantTermsVersion);
    }

    [Fact]
    public void AcceptanceRecordsTheTermsVersion_the_version_is_the_texts_own()
    {
        var changed = Alta2024 with { GrantTerms = [.. Alta2024.GrantTerms.Take(5), "Kontroll etter nye regler."] };

        Assert.Equal(Alta2024.GrantTermsVersion, Domain.Rounds.RoundCatalog.ForYear("alta", 2024).GrantTermsVersion);
        Assert.NotEqual(Alta2024.GrantTermsVersion, changed.GrantTermsVersion);
        Assert.NotEqual(Alta2024.GrantTermsVersion[^8..], Domain.Rounds.RoundCatalog.ForYear("alta", 2025).GrantTermsVersion[^8..]);
    }

    [Fact]
    public void AcceptanceRecordsTheTermsVersion_a_letter_sent_before_letters_stated_one_records_none()
    {
        var spec = new CaseSpec(Alta2024).Assessed(50_000);
        spec.Do(new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 50_000, []), Oslo(2024, 4, 26));
        var letter = (DecisionLetterSent)CaseDecider.Decide(spec.State, new Tick(), spec.Context, Oslo(2024, 4, 26, 11)).Events.Single();
        spec.Given(letter with { GrantTermsVersion = null });

        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 5, 2));

        Assert.Null(spec.Emitted<TermsAccepted>().Single().GrantTermsVersion);
    }

    [Fact]
    public void Report_for_a_grant_of_100000_or_more_needs_audited_accounts()
    {
        var spec = GrantedAndLetterSent(new(Oslo2021), 100_000, Oslo(2021, 1, 14));
        spec.Do(new AcceptTerms(Organisation), Oslo(2021, 1, 20)).RunClockUntil(Oslo(2021, 1, 21));

        Assert.Equal("audit-required", spec.When(new SubmitReport(Organisation, 100_000, false, ReportFiles()), Oslo(2022, 1, 10)).Error?.Code);
        Assert.True(spec.When(new SubmitReport(Organisation, 100_000, true, ReportFiles(audited: true)), Oslo(2022, 1, 10)).IsAccepted);
    }

    [Fact]
    public void Report_for_a_grant_below_100000_needs_no_auditor()
    {
        var spec = GrantedAndLetterSent(new(Oslo2021), 99_999, Oslo(2021, 1, 14));
        spec.Do(new AcceptTerms(Organisation), Oslo(2021, 1, 20)).RunClockUntil(Oslo(2021, 1, 21));

        Assert.True(spec.When(new SubmitReport(Organisation, 99_999, false, ReportFiles()), Oslo(2022, 1, 10)).IsAccepted);
    }

    // Oslo: "Organisasjoner som får tilskudd skal levere rapport og regnskap for bruken av midlene".
    [Fact]
    public void ReportAndAccountsAreAttached()
    {
        var spec = GrantedAndLetterSent(new(Oslo2021), 60_000, Oslo(2021, 1, 14));
        spec.Do(new AcceptTerms(Organisation), Oslo(2021, 1, 20)).RunClockUntil(Oslo(2021, 1, 21));
        var onlyTheReport = ReportFiles().Where(f => f.Kind == AttachmentKind.Report).ToList();

        var withoutAccounts = spec.When(new SubmitReport(Organisation, 60_000, false, onlyTheReport), Oslo(2022, 1, 10));
        var withoutFiles = spec.When(new SubmitReport(Organisation, 60_000, false), Oslo(2022, 1, 10));
        var both = spec.When(new SubmitReport(Organisation, 60_000, false, ReportFiles()), Oslo(2022, 1, 10));

        Assert.Equal(("report-files-missing", DomainErrorKind.Invalid), (withoutAccounts.Error?.Code, withoutAccounts.Error?.Kind));
        Assert.Equal("Rapport og regnskap sendes sammen. Legg ved regnskapet (filen «accounts»).", withoutAccounts.Error?.Message);
        Assert.Equal("Rapport og regnskap sendes sammen. Legg ved rapporten (filen «report») og regnskapet (filen «accounts»).", withoutFiles.Error?.Message);
        Assert.True(both.IsAccepted);
        Assert.Equal(ReportFiles(), spec.Emitted<ReportSubmitted>().Single().Files);
    }

    // Alta: "årsrapport og regnskap", "en regnskapsrapport som skal være utarbeidet etter regnskapslovens bestemmelser".
    [Fact]
    public void ReportAndAccountsAreAttached_both_rounds_require_the_report_and_the_accounts_and_the_auditor_only_from_the_threshold()
    {
        foreach (var round in new[] { Oslo2021, Alta2024 })
        {
            Assert.Equal([AttachmentKind.Report, AttachmentKind.Accounts], round.Report.RequiredFiles);
            Assert.Equal(100_000, round.Report.AuditThreshold);
        }
    }

    [Fact]
    public void Funds_not_used_in_the_grant_year_are_claimed_back()
    {
        var spec = GrantedAndLetterSent(new(Oslo2021), 60_000, Oslo(2021, 1, 14));
        spec.Do(new AcceptTerms(Organisation), Oslo(2021, 1, 20)).RunClockUntil(Oslo(2021, 1, 21));
        spec.Do(new SubmitReport(Organisation, 45_000, false, ReportFiles()), Oslo(2022, 1, 10));

        spec.Do(new ReviewReport(Caseworker, 45_000, "Kr 15 000 ble ikke brukt i 2021."), Oslo(2022, 1, 20));

        Assert.Equal(CaseStatus.RepaymentClaimed, spec.State.Status);
        Assert.Equal(15_000, spec.Emitted<RepaymentClaimed>().Single().Amount);
        Assert.Contains(spec.Mails, m => m.TemplateId == TemplateIds.Tilbakebetalingskrav && m.Model["amount"] == "15000");
        spec.Do(new RegisterRepayment(Caseworker, 15_000), Oslo(2022, 2, 20));
        Assert.Equal(CaseStatus.Closed, spec.State.Status);
    }

    [Fact]
    public void Fully_used_grant_is_approved_and_the_case_closed()
    {
        var spec = GrantedAndLetterSent(new(Oslo2021), 60_000, Oslo(2021, 1, 14));
        spec.Do(new AcceptTerms(Organisation), Oslo(2021, 1, 20)).RunClockUntil(Oslo(2021, 1, 21));
        spec.Do(new SubmitReport(Organisation, 60_000, false, ReportFiles()), Oslo(2022, 1, 10));

        spec.Do(new ReviewReport(Caseworker, 60_000, "Godkjent."), Oslo(2022, 1, 20));

        Assert.Equal(CaseStatus.Closed, spec.State.Status);
        Assert.Single(spec.Emitted<ReportApproved>());
    }

    [Fact]
    public void Alta_change_to_the_grant_needs_written_consent_beforehand()
    {
        var spec = GrantedAndLetterSent(new(Alta2024), 50_000, Oslo(2024, 4, 26));
        spec.Do(new AcceptTerms(Organisation), Oslo(2024, 5, 2));
        spec.Do(new RequestChange(Organisation, "Vi vil flytte middagene til et annet lokale."), Oslo(2024, 6, 3));

        Assert.Equal("change-pending", spec.When(new RequestChange(Organisation, "En til."), Oslo(2024, 6, 4)).Error?.Code);
        spec.Do(new AnswerChangeRequest(Caseworker, true, "Endringen er innenfor formålet."), Oslo(2024, 6, 5));

        var answer = spec.Mails.Single(m => m.TemplateId == TemplateIds.SvarEndring);
        Assert.StartsWith("Samtykke", TemplateRenderer.Render(answer.TemplateId, answer.Model).Subject, StringComparison.Ordinal);
    }
}
