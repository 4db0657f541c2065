using System.Globalization;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Text;
using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// Every rule a case command can be refused by, one method each, named by the rule. A method
/// answers null when the rule is kept, or the <see cref="DomainError"/> a caseworker or applicant sees.
/// </summary>
public static class CaseRules
{
    // ── Who may do what ──────────────────────────────────────────────────────────────

    public static DomainError? OnlyTheOrganisationActsForItself(Actor by) =>
        by.Role == ActorRole.Organisation ? null : DomainError.Forbidden("only-organisation", "Bare organisasjonen som søkte kan gjøre dette.");

    public static DomainError? OnlyCaseworkersHandleCases(Actor by) =>
        by.Role == ActorRole.Caseworker ? null : DomainError.Forbidden("only-caseworker", "Bare en saksbehandler kan gjøre dette.");

    /// <summary>Oslo: "Velferdsetaten … gir en anbefaling … Byråden fatter vedtak". The recommender is not the decider.</summary>
    public static DomainError? OnlyTheDecisionMakerDecides(Actor by) =>
        by.Role == ActorRole.DecisionMaker ? null : DomainError.Forbidden("only-decision-maker", "Bare beslutteren kan fatte vedtak.");

    /// <summary>
    /// Separation of duties: the person who assessed the application does not also decide it, even when they
    /// hold both roles ("Velferdsetaten … gir en anbefaling … Byråden fatter vedtak").
    /// </summary>
    public static DomainError? TheAssessorDoesNotDecide(CaseState state, Actor by) =>
        state?.Assessment?.By.Id is { } assessor && by is not null && string.Equals(assessor, by.Id, StringComparison.Ordinal)
            ? DomainError.Forbidden("only-someone-other-than-the-assessor", "Den som vurderte søknaden, kan ikke også fatte vedtaket.")
            : null;

    /// <summary>
    /// Forvaltningsloven § 6: an officer who is disqualified (inhabil) cannot prepare or decide the case, nor handle
    /// its appeal. The officer declares it (<see cref="DeclareImpartiality"/>); the case then refuses them.
    /// </summary>
    public static DomainError? ADisqualifiedOfficerDoesNotActOnTheCase(CaseState state, Actor by) =>
        state is not null && state.IsDisqualified(by)
            ? DomainError.Forbidden("disqualified", "Du har erklært deg inhabil i saken og kan ikke behandle den (forvaltningsloven § 6). En annen saksbehandler eller beslutter må ta den.")
            : null;

    /// <summary>Caseworkers and decision makers declare their own impartiality; nobody declares it for them.</summary>
    public static DomainError? OnlyOfficersDeclareImpartiality(Actor by) =>
        by.Role is ActorRole.Caseworker or ActorRole.DecisionMaker ? null : DomainError.Forbidden("only-officer", "Bare saksbehandlere og besluttere erklærer habilitet.");

    /// <summary>The kommune (a caseworker or a decision maker) registers what the klageinstans decided.</summary>
    public static DomainError? OnlyTheKommuneRegistersTheAppealBodysDecision(Actor by) =>
        by.Role is ActorRole.Caseworker or ActorRole.DecisionMaker ? null : DomainError.Forbidden("only-officer", "Bare kommunen registrerer klageinstansens vedtak.");

    public static DomainError? RegisterFactsComeFromTheSystem(Actor by) =>
        by.Role == ActorRole.System ? null : DomainError.Forbidden("only-system", "Registeropplysninger hentes av systemet.");

    // ── Eligibility (answers a finding, not an error: the case goes on and is rejected on it) ──

    /// <summary>Both seeds: "Frivillige organisasjoner som er registrert i Frivillighetsregisteret kan motta støtte."</summary>
    public static string? MustBeRegisteredInFrivillighetsregisteret(Round round, CheckEligibility facts) =>
        round.Eligibility.RequiresFrivillighetsregisteret && !facts.InFrivillighetsregisteret
            ? "Organisasjonen er ikke registrert i Frivillighetsregisteret."
            : null;

    /// <summary>Alta: "registrert i kommunen det innvilges støtte fra".</summary>
    public static string? MustBeRegisteredInTheRoundsKommune(Round round, CheckEligibility facts) =>
        round.Eligibility.RequiresRegisteredInKommune && !facts.RegisteredInKommune
            ? $"Organisasjonen er ikke registrert i {round.Owner.Kommune}."
            : null;

    /// <summary>
    /// Alta: "Organisasjoner må ha eksistert i minimum 1 år for å kunne få støtte." Counted at the day the
    /// application was submitted; an unknown founding date cannot show the age and fails the rule.
    /// </summary>
    public static string? OrganisationMustBeAtLeastOneYearOld(Round round, CheckEligibility facts, DateOnly submittedOn)
    {
        if (round.Eligibility.MinimumAgeYears is not { } years)
        {
            return null;
        }

        return facts.FoundedOn is { } founded && founded.AddYears(years) <= submittedOn
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Organisasjonen må ha eksistert i minst {years} år da søknaden ble sendt.");
    }

    /// <summary>
    /// Alta: "Kun lokale frivillige organisasjoner, foreninger, stiftelser eller aksjeselskap kan søke om tilskudd."
    /// The forms are the round's (Enhetsregisteret codes); a form the register did not give cannot show it and fails the rule.
    /// </summary>
    public static string? OrganisationMustBeOfAFormTheRoundSupports(Round round, CheckEligibility facts)
    {
        if (round.Eligibility.OrganisationForms is not { Count: > 0 } forms || (facts.OrganisationForm is { } form && forms.Contains(form, StringComparer.Ordinal)))
        {
            return null;
        }

        string named = string.Join(", ", forms.Select(OrganisationFormName));
        return facts.OrganisationForm is { } other
            ? $"Organisasjonen er registrert som {OrganisationFormName(other)}; {round.Owner.Kommune} gir tilskudd til {named}."
            : $"Registeret oppgir ikke organisasjonsformen; {round.Owner.Kommune} gir tilskudd til {named}.";
    }

    /// <summary>Enhetsregisteret's names of the organisation forms the rounds name, in running text.</summary>
    static string OrganisationFormName(string code) => code switch
    {
        "FLI" => "forening/lag/innretning (FLI)",
        "STI" => "stiftelse (STI)",
        "AS" => "aksjeselskap (AS)",
        "ENK" => "enkeltpersonforetak (ENK)",
        "SA" => "samvirkeforetak (SA)",
        _ => code,
    };

    // ── Review and assessment ────────────────────────────────────────────────────────

    /// <summary>Applications are reviewed together, after the round's deadline (end of the deadline day in Oslo).</summary>
    public static DomainError? ReviewStartsAfterTheApplicationDeadline(CaseState state, DateTimeOffset now) =>
        now > OsloTime.EndOfDay(state.ApplicationDeadline)
            ? null
            : DomainError.Conflict("before-deadline", $"Behandlingen starter etter søknadsfristen {NorwegianFormat.Date(state.ApplicationDeadline)}.");

    public static DomainError? ReplyDeadlineMustBeInTheFuture(DateOnly replyBy, DateTimeOffset now) =>
        replyBy > OsloTime.DateOf(now) ? null : DomainError.Invalid("reply-deadline-passed", "Svarfristen må være etter i dag.");

    /// <summary>
    /// Every criterion of the round is scored (Alta's ten points), and the asylum-reception criteria too when
    /// the activity takes place at a reception centre ("For tiltak rettet mot beboere i asylmottak legges det i tillegg vekt på").
    /// </summary>
    public static DomainError? EveryCriterionOfTheRoundIsScored(Round round, CaseState state, IReadOnlyList<CriterionScore> scores)
    {
        var required = round.Criteria.Concat(state.AtAsylumReception ? round.AsylumReceptionCriteria : []).Select(c => c.Code).ToList();
        var missing = required.Where(code => !scores.Any(s => s.Code == code)).ToList();
        var unknown = scores.Select(s => s.Code).Where(code => !required.Contains(code)).ToList();
        if (missing.Count > 0)
        {
            return DomainError.Invalid("criteria-missing", $"Vurderingen mangler kriterium {string.Join(", ", missing)}.");
        }

        return unknown.Count > 0 || scores.Count != required.Count
            ? DomainError.Invalid("criteria-unknown", $"Kriteriene {string.Join(", ", unknown.DefaultIfEmpty("(dobbelt)"))} hører ikke til runden eller er vurdert to ganger.")
            : null;
    }

    public static DomainError? ScoresAreFromZeroToFive(IReadOnlyList<CriterionScore> scores) =>
        scores.All(s => s.Score is >= CriterionScore.Lowest and <= CriterionScore.Highest)
            ? null
            : DomainError.Invalid("score-range", $"Poeng gis fra {CriterionScore.Lowest} til {CriterionScore.Highest}.");

    /// <summary>What is flagged as not supported must be one of the round's "Det gis ikke støtte til".</summary>
    public static DomainError? ExclusionsAreTheRoundsOwn(Round round, IReadOnlyList<string> exclusions)
    {
        var unknown = exclusions.Where(code => !round.NotSupported.Any(x => x.Code == code)).ToList();
        return unknown.Count == 0 ? null : DomainError.Invalid("exclusion-unknown", $"Runden har ikke unntaket {string.Join(", ", unknown)}.");
    }

    /// <summary>Alta: for activities at an asylum reception centre "Kontaktperson må oppgis i søknaden".</summary>
    public static DomainError? ReceptionActivityNeedsAContactPerson(Round round, CaseState state, long recommended) =>
        round.Intake.ReceptionContactRequired && state.AtAsylumReception && string.IsNullOrWhiteSpace(state.ReceptionContact) && recommended > 0
            ? DomainError.Invalid("reception-contact-missing", "Tiltak på asylmottak kan ikke anbefales uten kontaktperson på mottaket.")
            : null;

    public static DomainError? RecommendationNeverAboveAmountAppliedFor(CaseState state, long recommended) =>
        recommended >= 0 && recommended <= state.AmountAppliedFor
            ? null
            : DomainError.Invalid("recommendation-above-applied", $"Innstillingen kan ikke være over omsøkt beløp ({NorwegianFormat.Kroner(state.AmountAppliedFor)}).");

    /// <summary>
    /// Forvaltningsloven § 11 a: "I saker som gjelder enkeltvedtak, skal det gis foreløpig svar dersom en henvendelse ikke kan
    /// besvares i løpet av en måned etter at den er mottatt", saying why ("gjøres rede for grunnen") and "så vidt mulig angis
    /// når svar kan ventes". The round's applications are decided together after its deadline, so the month runs from the
    /// deadline: the day an undecided case (submitted, waiting, under review, awaiting information or assessed) gets its one
    /// foreløpig svar, or null when it gets none (decided, or the reply has gone out).
    /// </summary>
    public static DateOnly? UndecidedCaseGetsAnInterimReplyOnceAMonthAfterTheDeadline(CaseState state) =>
        state.Status is CaseStatus.Submitted or CaseStatus.WaitingForDeadline or CaseStatus.UnderReview or CaseStatus.AwaitingInformation or CaseStatus.Assessed
            && !state.InterimReplySent
                ? state.ApplicationDeadline.AddMonths(1)
                : null;

    // ── Decision ─────────────────────────────────────────────────────────────────────

    public static DomainError? GrantNeverAboveAmountAppliedFor(CaseState state, long amount) =>
        amount <= state.AmountAppliedFor
            ? null
            : DomainError.Invalid("grant-above-applied", $"Tilskuddet kan ikke være høyere enn omsøkt beløp ({NorwegianFormat.Kroner(state.AmountAppliedFor)}).");

    /// <summary>A full grant is the amount applied for; a partial grant is less, more than nothing, and says why.</summary>
    public static DomainError? PartialGrantIsBelowAmountAppliedForWithReason(CaseState state, DecisionOutcome outcome, long amount, IReadOnlyList<string> reasons) => outcome switch
    {
        DecisionOutcome.Granted when amount != state.AmountAppliedFor =>
            DomainError.Invalid("grant-not-applied-amount", "Full innvilgelse gir omsøkt beløp; gi et lavere beløp som delvis innvilgelse med begrunnelse."),
        DecisionOutcome.PartlyGranted when amount <= 0 || amount >= state.AmountAppliedFor =>
            DomainError.Invalid("partial-grant-amount", "Delvis innvilgelse må være mer enn kr 0 og mindre enn omsøkt beløp."),
        DecisionOutcome.PartlyGranted when !HasText(reasons) =>
            DomainError.Invalid("partial-grant-reason", "Delvis innvilgelse må begrunnes (forvaltningsloven § 24)."),
        _ => null,
    };

    /// <summary>Forvaltningsloven § 24–25: an individual decision states its reasons.</summary>
    public static DomainError? RejectionStatesItsReasons(DecisionOutcome outcome, IReadOnlyList<string> reasons) =>
        outcome == DecisionOutcome.Rejected && !HasText(reasons)
            ? DomainError.Invalid("rejection-reason", "Avslag må begrunnes (forvaltningsloven §§ 24–25).")
            : null;

    /// <summary>The sum of grants never exceeds the round's pot; <paramref name="alreadyReserved"/> is this case's own share of the ledger.</summary>
    public static DomainError? GrantCannotExceedWhatIsLeftInThePot(CaseContext context, long amount, long alreadyReserved) =>
        context.PotRemaining is { } left && amount > left + alreadyReserved
            ? DomainError.Conflict("pot-exceeded", $"Det er bare {NorwegianFormat.Kroner(Math.Max(0, left + alreadyReserved))} igjen av rammen.")
            : null;

    public static DomainError? IneligibleOrganisationCannotBeGranted(CaseState state) =>
        state.EligibilityFindings is { Count: > 0 } findings
            ? DomainError.Conflict("ineligible", "Organisasjonen fyller ikke vilkårene: " + string.Join(" ", findings))
            : null;

    /// <summary>What the caseworker flagged from "Det gis ikke støtte til" cannot be granted.</summary>
    public static DomainError? ExcludedActivityCannotBeGranted(Round round, CaseState state) =>
        state.Assessment is { Exclusions.Count: > 0 } a
            ? DomainError.Conflict("excluded", "Det gis ikke støtte til: " + string.Join(" ", a.Exclusions.Select(code => round.NotSupported.FirstOrDefault(x => x.Code == code)?.Text ?? code)))
            : null;

    // ── Appeal ───────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Alta: "Klagefristen er tre uker fra vedtaksbrevet er utsendt fra kommunen" (forvaltningsloven § 29). The last day
    /// is moved to the next working day when it falls on a Saturday, Sunday or public holiday (forvaltningsloven § 30,
    /// domstolloven § 149 by analogy); see <see cref="AppealRule.DeadlineFor"/>. The appeal may arrive until the end of that day in Oslo.
    /// </summary>
    public static DomainError? AppealMustArriveWithinTheWindow(CaseState state, DateTimeOffset now) =>
        state.AppealDeadline is { } last && now <= OsloTime.EndOfDay(last)
            ? null
            : DomainError.Conflict("appeal-late", $"Klagefristen gikk ut {(state.AppealDeadline is { } d ? NorwegianFormat.Date(d) : "før vedtaksbrevet ble sendt")}. Klagen er kommet for sent (forvaltningsloven § 31).");

    /// <summary>
    /// Forvaltningsloven § 28: a vedtak may be appealed once; a decision changed on appeal by the kommune is a new vedtak
    /// and may be appealed in its turn, while the klageinstans's decision is final ("Klageinstansens vedtak … kan ikke påklages").
    /// </summary>
    public static DomainError? OneAppealPerDecision(CaseState state)
    {
        if (state.Decision is { Final: true })
        {
            return DomainError.Conflict("appeal-final", "Klageinstansens vedtak er endelig og kan ikke påklages (forvaltningsloven § 28).");
        }

        return state.Appeal is { } appeal && state.Decision is { } decision && appeal.ReceivedAt >= decision.At
            ? DomainError.Conflict("appeal-exists", "Vedtaket er allerede påklaget.")
            : null;
    }

    /// <summary>Forvaltningsloven § 31: a late appeal is only taken under consideration when the window has passed, and with a reason.</summary>
    public static DomainError? OnlyALateAppealIsAdmittedLate(CaseState state, DateTimeOffset now) =>
        state.AppealDeadline is { } last && now > OsloTime.EndOfDay(last)
            ? null
            : DomainError.Conflict("appeal-not-late", "Klagefristen er ikke ute; organisasjonen kan klage selv.");

    /// <summary>An appeal the decision maker has not yet handled (forvaltningsloven § 33).</summary>
    public static DomainError? OnlyAnOpenAppealIsHandled(CaseState state) =>
        state.Appeal is { Upheld: null } ? null : DomainError.Conflict("no-open-appeal", "Det er ingen klage som venter på behandling.");

    /// <summary>
    /// Forvaltningsloven § 33 and Oslo's "Velferdsetaten … gir en anbefaling … Byråden fatter vedtak": the caseworker
    /// prepares the appeal with a recommendation before the decision maker handles it.
    /// </summary>
    public static DomainError? TheAppealIsPreparedBeforeItIsDecided(CaseState state) =>
        state.Appeal is { Recommendation: not null }
            ? null
            : DomainError.Conflict("appeal-not-prepared", "Klagen må forberedes med saksbehandlers innstilling før den avgjøres.");

    /// <summary>Forvaltningsloven § 33 fourth paragraph: only an appeal the kommune upheld and sent on is decided by the klageinstans.</summary>
    public static DomainError? OnlyAForwardedAppealGetsTheAppealBodysDecision(CaseState state) =>
        state.Appeal is { IsWithTheAppealBody: true }
            ? null
            : DomainError.Conflict("appeal-not-forwarded", "Saken ligger ikke hos klageinstansen.");

    public static DomainError? TheAppealBodysDecisionIsNotInTheFuture(DateOnly decidedOn, DateTimeOffset now) =>
        decidedOn <= OsloTime.DateOf(now) ? null : DomainError.Invalid("appeal-body-date", "Klageinstansens vedtaksdato kan ikke være frem i tid.");

    /// <summary>
    /// A grant whose terms are accepted and part paid can be changed on appeal, but not below what is paid out, and not
    /// into a rejection: taking back paid money is a repayment claim, not an appeal decision (forvaltningsloven § 35).
    /// </summary>
    public static DomainError? ChangedGrantIsNotBelowWhatIsPaidOut(CaseState state, DecisionOutcome outcome, long amount)
    {
        if (state.Tranches.Count == 0)
        {
            return null;
        }

        if (outcome == DecisionOutcome.Rejected)
        {
            return DomainError.Conflict("grant-accepted", "Vilkårene er akseptert; tilskuddet kan endres, men ikke gjøres om til avslag i klagesaken.");
        }

        return amount >= state.PaidOut
            ? null
            : DomainError.Conflict("below-paid-out", $"Det er allerede utbetalt {NorwegianFormat.Kroner(state.PaidOut)}; et endret tilskudd kan ikke være lavere.");
    }

    public static DomainError? ChangedDecisionIsADifferentDecision(CaseState state, DecisionOutcome outcome, long amount) =>
        state.Decision is { } d && d.Outcome == outcome && (outcome == DecisionOutcome.Rejected || d.Amount == amount)
            ? DomainError.Invalid("appeal-not-changed", "Et endret vedtak må være annerledes enn det påklagde; ellers opprettholdes vedtaket.")
            : null;

    // ── Grant terms ────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Alta: "pengene blir utbetalt så snart søknaden er behandlet, tilskuddsbrev er sendt og vilkårene er akseptert". What is
    /// accepted is the terms the grant letter stated, by their version (<see cref="Round.GrantTermsVersion"/>), not the round's
    /// terms as they read at the time of acceptance; null for a letter sent before letters stated a version.
    /// </summary>
    public static string? AcceptanceRecordsTheTermsVersion(CaseState state) => state.GrantTermsVersion;

    // ── Report ───────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Both seeds: "For tilskudd på kr 100 000 eller mer må organisasjonen levere regnskap revidert av registrert eller
    /// statsautorisert revisor." The threshold is round data (<see cref="ReportRule.AuditThreshold"/>).
    /// </summary>
    public static DomainError? AuditedAccountsRequiredAtOrAbove100000(Round round, CaseState state, bool auditorsStatementAttached) =>
        round.Report.RequiresAuditedAccounts(state.Granted) && !auditorsStatementAttached
            ? DomainError.Invalid("audit-required", $"Tilskudd på {NorwegianFormat.Kroner(round.Report.AuditThreshold)} eller mer krever regnskap revidert av registrert eller statsautorisert revisor. Legg ved revisorberetning.")
            : null;

    /// <summary>
    /// Oslo: "Organisasjoner som får tilskudd skal levere rapport og regnskap for bruken av midlene". Alta: "skal sende inn
    /// årsrapport og regnskap", "en regnskapsrapport som skal være utarbeidet etter regnskapslovens bestemmelser". A report
    /// comes with every kind of file the round requires (<see cref="ReportRule.RequiredFiles"/>: the report and the accounts).
    /// </summary>
    public static DomainError? ReportAndAccountsAreAttached(Round round, IReadOnlyList<AttachedFile> files)
    {
        var missing = round.Report.MissingFiles(files.Select(f => f.Kind));
        return missing.Count == 0
            ? null
            : DomainError.Invalid("report-files-missing", $"Rapport og regnskap sendes sammen. Legg ved {Listed(missing.Select(ReportFileName))}.");
    }

    /// <summary>A report's file in running text, with the name of its part in the form the Api reads.</summary>
    static string ReportFileName(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Report => "rapporten (filen «report»)",
        AttachmentKind.Accounts => "regnskapet (filen «accounts»)",
        AttachmentKind.AuditorsStatement => "revisorberetningen (filen «auditorsStatement»)",
        _ => $"filen «{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())}»",
    };

    /// <summary>"A, B og C".</summary>
    static string Listed(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} og {list[^1]}";
    }

    public static DomainError? AmountUsedIsWithinTheGrant(CaseState state, long amount) =>
        amount >= 0 && amount <= state.Granted
            ? null
            : DomainError.Invalid("amount-used", $"Brukt beløp må være mellom kr 0 og tilskuddet ({NorwegianFormat.Kroner(state.Granted)}).");

    /// <summary>
    /// Oslo: "Tilskudd må brukes i tildelingsåret og kan ikke overføres til nytt år." Alta: "Dersom tilskuddet ikke kan
    /// brukes til formålet i den perioden, skal tilskuddet tilbakebetales." What is not accepted as used for the purpose
    /// in the grant year is claimed back; zero means the report is approved.
    /// </summary>
    public static long UnusedFundsAreClaimedBack(CaseState state, long acceptedUse) => Math.Max(0, state.PaidOut - acceptedUse);

    public static DomainError? RepaymentMatchesTheClaim(CaseState state, long amount) =>
        amount == state.RepaymentClaimed
            ? null
            : DomainError.Invalid("repayment-amount", $"Kravet er {NorwegianFormat.Kroner(state.RepaymentClaimed)}; delvis innbetaling registreres ikke her.");

    // ── Changes ──────────────────────────────────────────────────────────────────────

    /// <summary>Alta: "Ønsker dere å endre grunnlaget for tilskuddet, må dere søke skriftlig og få samtykke … i forkant."</summary>
    public static DomainError? ChangesNeedWrittenConsentOneAtATime(CaseState state) =>
        state.PendingChange is null ? null : DomainError.Conflict("change-pending", "Det er allerede en endringssøknad som venter på svar.");

    public static DomainError? OnlyAPendingChangeCanBeAnswered(CaseState state) =>
        state.PendingChange is not null ? null : DomainError.Conflict("no-change-pending", "Det er ingen endringssøknad å svare på.");

    public static DomainError? TextIsGiven(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? DomainError.Invalid("text-missing", $"{what} mangler.") : null;

    static bool HasText(IReadOnlyList<string> lines) => lines.Any(l => !string.IsNullOrWhiteSpace(l));
}
