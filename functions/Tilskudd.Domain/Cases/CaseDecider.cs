using Tilskudd.Domain.Templates;
using Tilskudd.Domain.Text;
using Tilskudd.Domain.Time;
using static Tilskudd.Domain.Cases.CaseRules;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// The case lifecycle of every round as three pure functions: <see cref="Decide"/> (command → events and
/// effects, or a refusal naming its rule), <see cref="Evolve"/> (event → state) and <see cref="NextDueAt"/>
/// (when the clock must next <see cref="Tick"/>). Time is passed in; nothing here reads a clock or does I/O.
/// </summary>
public static partial class CaseDecider
{
    public static CaseResult Decide(CaseState state, CaseCommand command, CaseContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (state.Status != CaseStatus.New && context.Round.Id != state.RoundId)
        {
            throw new ArgumentException($"Case {state.Reference} belongs to round {state.RoundId}, not {context.Round.Id}.", nameof(context));
        }

        if (!CaseTransitions.Takes(state.Status, command))
        {
            return CaseResult.Refused(DomainError.Conflict("not-allowed-now", $"{CommandNames.Of(command)} kan ikke gjøres når saken har status «{StatusNames.Of(state.Status)}»."));
        }

        var change = new Change(state, context, now);
        var error = command switch
        {
            SubmitApplication c => OnSubmit(change, c),
            CheckEligibility c => OnCheckEligibility(change, c),
            StartReview c => OnStartReview(change, c),
            RequestInformation c => OnRequestInformation(change, c),
            SubmitInformation c => OnSubmitInformation(change, c),
            Assess c => OnAssess(change, c),
            MakeDecision c => OnMakeDecision(change, c),
            AcceptTerms c => OnAcceptTerms(change, c),
            DeclineTerms c => OnDeclineTerms(change, c),
            Withdraw c => OnWithdraw(change, c),
            RequestChange c => OnRequestChange(change, c),
            AnswerChangeRequest c => OnAnswerChangeRequest(change, c),
            SubmitReport c => OnSubmitReport(change, c),
            ReviewReport c => OnReviewReport(change, c),
            RegisterRepayment c => OnRegisterRepayment(change, c),
            Appeal c => OnAppeal(change, c),
            ReconsiderAppeal c => OnReconsiderAppeal(change, c),
            AdmitLateAppeal c => OnAdmitLateAppeal(change, c),
            RecommendOnAppeal c => OnRecommendOnAppeal(change, c),
            RegisterAppealBodyDecision c => OnRegisterAppealBodyDecision(change, c),
            DeclareImpartiality c => OnDeclareImpartiality(change, c),
            Tick => OnTick(change),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };

        return error is null ? change.Result() : CaseResult.Refused(error);
    }

    /// <summary>The state after all the events, from <see cref="CaseState.Initial"/>.</summary>
    public static CaseState Replay(IEnumerable<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(CaseState.Initial, Evolve);
    }

    static DomainError? OnSubmit(Change change, SubmitApplication c)
    {
        var round = change.Context.Round;
        if ((TextIsGiven(c.Reference, "Referansenummer") ?? TextIsGiven(c.ContactEmail, "E-postadresse")) is { } missing)
        {
            return missing;
        }

        var policy = CasePolicy.For(round);
        var reviewReminder = OfficeHours.OnOrAfter(WorkingDays.Add(round.ApplicationDeadline, round.ReviewReminderWorkingDays), policy);
        change.Add(new CaseSubmitted(
            c.By, change.Now, c.Reference, round.Id, c.OrganisationNumber, c.OrganisationName, c.Kind, c.Delmål, c.AmountAppliedFor,
            c.ContactEmail, c.AtAsylumReception, c.ReceptionContact, round.ApplicationDeadline, reviewReminder, policy));

        // The intake's receipt has the id "{reference}/kvittering"; the same id here means it is sent once whichever sends it.
        change.Effect(new SendMail($"{c.Reference}/{TemplateIds.Kvittering}", TemplateIds.Kvittering, c.ContactEmail, CaseMails.Model(change.State, round)));
        return null;
    }

    static DomainError? OnCheckEligibility(Change change, CheckEligibility c)
    {
        if (RegisterFactsComeFromTheSystem(c.By) is { } error)
        {
            return error;
        }

        var round = change.Context.Round;
        string?[] findings =
        [
            MustBeRegisteredInFrivillighetsregisteret(round, c),
            MustBeRegisteredInTheRoundsKommune(round, c),
            OrganisationMustBeAtLeastOneYearOld(round, c, OsloTime.DateOf(change.State.SubmittedAt)),
            OrganisationMustBeOfAFormTheRoundSupports(round, c),
        ];
        change.Add(new EligibilityChecked(c.By, change.Now, [.. findings.OfType<string>()]));
        return null;
    }

    static DomainError? OnStartReview(Change change, StartReview c)
    {
        if ((OnlyCaseworkersHandleCases(c.By) ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By) ?? ReviewStartsAfterTheApplicationDeadline(change.State, change.Now)) is { } error)
        {
            return error;
        }

        change.Add(new ReviewStarted(c.By, change.Now));
        return null;
    }

    static DomainError? OnRequestInformation(Change change, RequestInformation c)
    {
        var round = change.Context.Round;
        var replyBy = c.ReplyBy ?? WorkingDays.NextOnOrAfter(OsloTime.DateOf(change.Now).AddDays(round.InformationReplyDays));
        if ((OnlyCaseworkersHandleCases(c.By) ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By) ?? TextIsGiven(c.Question, "Spørsmålet") ?? ReplyDeadlineMustBeInTheFuture(replyBy, change.Now)) is { } error)
        {
            return error;
        }

        change.Add(new InformationRequested(c.By, change.Now, c.Question.Trim(), replyBy));
        change.Mail(TemplateIds.Mangelbrev, ("question", c.Question.Trim()), ("replyBy", MailModels.Date(replyBy)));
        return null;
    }

    static DomainError? OnSubmitInformation(Change change, SubmitInformation c)
    {
        if ((OnlyTheOrganisationActsForItself(c.By) ?? TextIsGiven(c.Answer, "Svaret")) is { } error)
        {
            return error;
        }

        change.Add(new InformationReceived(c.By, change.Now, c.Answer.Trim()));
        change.Notify(null, "Søkeren har svart på spørsmålet om mer informasjon.");
        return null;
    }

    static DomainError? OnAssess(Change change, Assess c)
    {
        var round = change.Context.Round;
        var state = change.State;
        if ((OnlyCaseworkersHandleCases(c.By)
            ?? ADisqualifiedOfficerDoesNotActOnTheCase(state, c.By)
            ?? EveryCriterionOfTheRoundIsScored(round, state, c.Scores)
            ?? ScoresAreFromZeroToFive(c.Scores)
            ?? ExclusionsAreTheRoundsOwn(round, c.Exclusions)
            ?? RecommendationNeverAboveAmountAppliedFor(state, c.RecommendedAmount)
            ?? ReceptionActivityNeedsAContactPerson(round, state, c.RecommendedAmount)) is { } error)
        {
            return error;
        }

        change.Add(new CaseAssessed(c.By, change.Now, c.Scores, c.Exclusions, c.RecommendedAmount, c.Comment));
        change.Notify(null, $"Innstilling klar til vedtak: {NorwegianFormat.Kroner(c.RecommendedAmount)}.");
        return null;
    }

    static DomainError? OnMakeDecision(Change change, MakeDecision c) =>
        OnlyTheDecisionMakerDecides(c.By)
        ?? TheAssessorDoesNotDecide(change.State, c.By)
        ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By)
        ?? Decision(change, c.By, c.Outcome, c.Amount, c.Reasons);

    /// <summary>A decision, first or changed after an appeal: checked against every decision rule, and the pot adjusted.</summary>
    /// <param name="final">Made by the klageinstans: it cannot be appealed (forvaltningsloven § 28).</param>
    static DomainError? Decision(Change change, Actor by, DecisionOutcome outcome, long amount, IReadOnlyList<string> reasons, bool final = false)
    {
        var state = change.State;
        var round = change.Context.Round;
        long granted = outcome == DecisionOutcome.Rejected ? 0 : amount;
        if ((RejectionStatesItsReasons(outcome, reasons)
            ?? PartialGrantIsBelowAmountAppliedForWithReason(state, outcome, amount, reasons)
            ?? (granted > 0 ? IneligibleOrganisationCannotBeGranted(state) : null)
            ?? (granted > 0 ? ExcludedActivityCannotBeGranted(round, state) : null)
            ?? GrantNeverAboveAmountAppliedFor(state, granted)
            ?? GrantCannotExceedWhatIsLeftInThePot(change.Context, granted, state.Reserved)) is { } error)
        {
            return error;
        }

        change.Add(new DecisionMade(by, change.Now, outcome, granted, [.. reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())], OfficeHours.NextOpenAt(change.Now, state.Policy), final));
        if (granted > 0)
        {
            change.Effect(new ReserveGrant(change.Id("reserve"), state.RoundId, state.Reference, granted));
        }
        else if (state.Reserved > 0)
        {
            change.Effect(new ReleaseGrant(change.Id("release"), state.RoundId, state.Reference, state.Reserved));
        }

        return null;
    }

    static DomainError? OnAcceptTerms(Change change, AcceptTerms c)
    {
        if (OnlyTheOrganisationActsForItself(c.By) is { } error)
        {
            return error;
        }

        var state = change.State;
        var tranches = TranchePlan.For(change.Context.Round, state.Granted, OsloTime.DateOf(change.Now), state.Policy);
        change.Add(new TermsAccepted(c.By, change.Now, tranches, AcceptanceRecordsTheTermsVersion(state)));
        foreach (var t in tranches)
        {
            change.Effect(new RegisterTranche(change.Id($"tranche-{t.Number}"), state.RoundId, state.Reference, t.Number, t.Amount, t.DueOn));
        }

        return null;
    }

    static DomainError? OnDeclineTerms(Change change, DeclineTerms c)
    {
        if (OnlyTheOrganisationActsForItself(c.By) is { } error)
        {
            return error;
        }

        long reserved = change.State.Reserved;
        change.Add(new TermsDeclined(c.By, change.Now, c.Reason ?? ""));
        change.Release(reserved);
        change.Notify(null, "Organisasjonen takket nei til tilskuddet; beløpet er ført tilbake til rammen.");
        return null;
    }

    static DomainError? OnWithdraw(Change change, Withdraw c)
    {
        if (OnlyTheOrganisationActsForItself(c.By) is { } error)
        {
            return error;
        }

        long reserved = change.State.Reserved;
        change.Add(new ApplicationWithdrawn(c.By, change.Now, c.Reason ?? ""));
        change.Release(reserved);
        change.Notify(null, "Søknaden er trukket.");
        return null;
    }

    static DomainError? OnRequestChange(Change change, RequestChange c)
    {
        if ((OnlyTheOrganisationActsForItself(c.By) ?? TextIsGiven(c.Description, "Beskrivelsen av endringen") ?? ChangesNeedWrittenConsentOneAtATime(change.State)) is { } error)
        {
            return error;
        }

        change.Add(new ChangeRequested(c.By, change.Now, c.Description.Trim()));
        change.Notify(null, "Organisasjonen søker om å endre grunnlaget for tilskuddet og trenger skriftlig samtykke.");
        return null;
    }

    static DomainError? OnAnswerChangeRequest(Change change, AnswerChangeRequest c)
    {
        if ((OnlyCaseworkersHandleCases(c.By) ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By) ?? OnlyAPendingChangeCanBeAnswered(change.State) ?? TextIsGiven(c.Comment, "Begrunnelsen")) is { } error)
        {
            return error;
        }

        string description = change.State.PendingChange!;
        change.Add(new ChangeAnswered(c.By, change.Now, c.Consent, c.Comment.Trim()));
        change.Mail(TemplateIds.SvarEndring, ("change", description), ("consent", c.Consent ? "ja" : "nei"), ("comment", c.Comment.Trim()));
        return null;
    }

    static DomainError? OnSubmitReport(Change change, SubmitReport c)
    {
        var files = c.Files ?? [];
        if ((OnlyTheOrganisationActsForItself(c.By)
            ?? AmountUsedIsWithinTheGrant(change.State, c.AmountUsed)
            ?? ReportAndAccountsAreAttached(change.Context.Round, files)
            ?? AuditedAccountsRequiredAtOrAbove100000(change.Context.Round, change.State, c.AuditorsStatementAttached)) is { } error)
        {
            return error;
        }

        change.Add(new ReportSubmitted(c.By, change.Now, c.AmountUsed, c.AuditorsStatementAttached, files));
        change.Notify(null, "Rapport og regnskap er mottatt.");
        return null;
    }

    static DomainError? OnReviewReport(Change change, ReviewReport c)
    {
        if ((OnlyCaseworkersHandleCases(c.By) ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By) ?? AmountUsedIsWithinTheGrant(change.State, c.AcceptedUse)) is { } error)
        {
            return error;
        }

        long repayment = UnusedFundsAreClaimedBack(change.State, c.AcceptedUse);
        if (repayment == 0)
        {
            change.Add(new ReportApproved(c.By, change.Now, c.Comment ?? ""));
            change.Add(new CaseClosed(c.By, change.Now, "Rapport og regnskap godkjent."));
            return null;
        }

        var state = change.State;
        change.Add(new RepaymentClaimed(c.By, change.Now, repayment, c.Comment ?? ""));
        var extra = new[]
        {
            ("amount", MailModels.Amount(repayment)),
            ("granted", MailModels.Amount(state.Granted)),
            ("acceptedUse", MailModels.Amount(c.AcceptedUse)),
            ("comment", c.Comment ?? ""),
            ("payBy", MailModels.Date(WorkingDays.NextOnOrAfter(OsloTime.DateOf(change.Now).AddDays(change.Round.Report.RepaymentDays)))),
        };
        change.Mail(TemplateIds.Tilbakebetalingskrav, extra);
        change.Letter(TemplateIds.Tilbakebetalingskrav, extra);
        return null;
    }

    static DomainError? OnRegisterRepayment(Change change, RegisterRepayment c)
    {
        if ((OnlyCaseworkersHandleCases(c.By) ?? RepaymentMatchesTheClaim(change.State, c.Amount)) is { } error)
        {
            return error;
        }

        change.Add(new RepaymentRegistered(c.By, change.Now, c.Amount));
        change.Add(new CaseClosed(c.By, change.Now, "Tilbakebetalingen er registrert."));
        return null;
    }

    static DomainError? OnAppeal(Change change, Appeal c)
    {
        if ((OnlyTheOrganisationActsForItself(c.By)
            ?? TextIsGiven(c.Grounds, "Klagen")
            ?? OneAppealPerDecision(change.State)
            ?? AppealMustArriveWithinTheWindow(change.State, change.Now)) is { } error)
        {
            return error;
        }

        ReceiveAppeal(change, c.By, c.Grounds, null);
        return null;
    }

    static DomainError? OnAdmitLateAppeal(Change change, AdmitLateAppeal c)
    {
        if ((OnlyCaseworkersHandleCases(c.By)
            ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By)
            ?? TextIsGiven(c.Grounds, "Klagen")
            ?? TextIsGiven(c.Reason, "Grunnen til at klagen tas under behandling")
            ?? (change.State.Status == CaseStatus.Closed && change.State.Decision is not { Outcome: DecisionOutcome.Rejected } ? DomainError.Conflict("not-allowed-now", "Bare et avslag i en avsluttet sak kan påklages for sent.") : null)
            ?? OneAppealPerDecision(change.State)
            ?? OnlyALateAppealIsAdmittedLate(change.State, change.Now)) is { } error)
        {
            return error;
        }

        ReceiveAppeal(change, c.By, c.Grounds, c.Reason.Trim());
        return null;
    }

    /// <summary>The appeal is received: a receipt to the organisation, the caseworkers told to prepare it.</summary>
    static void ReceiveAppeal(Change change, Actor by, string grounds, string? admittedLateBecause)
    {
        change.Add(new AppealReceived(by, change.Now, grounds.Trim(), admittedLateBecause));
        change.Mail(
            TemplateIds.KlageMottatt,
            ("appealReceivedAt", MailModels.Instant(change.Now)),
            ("admittedLateBecause", admittedLateBecause ?? ""),
            ("grantGoesOn", change.State.Granted > 0 ? "ja" : "nei"));
        change.Notify(null, "Klage mottatt: forbered klagen med innstilling til beslutter (forvaltningsloven § 33).");
    }

    static DomainError? OnRecommendOnAppeal(Change change, RecommendOnAppeal c)
    {
        if ((OnlyCaseworkersHandleCases(c.By)
            ?? ADisqualifiedOfficerDoesNotActOnTheCase(change.State, c.By)
            ?? OnlyAnOpenAppealIsHandled(change.State)
            ?? TextIsGiven(c.Recommendation, "Innstillingen")) is { } error)
        {
            return error;
        }

        change.Add(new AppealRecommended(c.By, change.Now, c.Uphold, c.Recommendation.Trim()));
        change.Notify(null, c.Uphold ? "Klagen er forberedt: saksbehandler innstiller på å opprettholde vedtaket." : "Klagen er forberedt: saksbehandler innstiller på å endre vedtaket.");
        return null;
    }

    /// <summary>
    /// Forvaltningsloven § 33: the decision maker (not the one who assessed, not a disqualified officer) either changes
    /// the decision or upholds it and sends the appeal to the klageinstans.
    /// </summary>
    static DomainError? OnReconsiderAppeal(Change change, ReconsiderAppeal c)
    {
        var state = change.State;
        if ((OnlyTheDecisionMakerDecides(c.By)
            ?? TheAssessorDoesNotDecide(state, c.By)
            ?? ADisqualifiedOfficerDoesNotActOnTheCase(state, c.By)
            ?? OnlyAnOpenAppealIsHandled(state)
            ?? TheAppealIsPreparedBeforeItIsDecided(state)
            ?? (c.Upheld ? null : ChangedDecisionIsADifferentDecision(state, c.NewOutcome, c.NewAmount))
            ?? TextIsGiven(CaseMails.Lines(c.Reasons), "Begrunnelsen for klagevedtaket")) is { } error)
        {
            return error;
        }

        change.Add(new AppealReconsidered(c.By, change.Now, c.Upheld, [.. c.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())], null));
        if (!c.Upheld && ChangeDecision(change, c.By, c.NewOutcome, c.NewAmount, c.Reasons, final: false) is { } refused)
        {
            return refused;
        }

        var extra = new List<(string, string)>
        {
            ("upheld", c.Upheld ? "ja" : "nei"),
            ("reasons", CaseMails.Lines(c.Reasons)),
            ("appealBody", change.Round.Appeal.Body),
            ("newOutcome", c.Upheld ? "" : StatusNames.Of(c.NewOutcome)),
            ("newAmount", MailModels.Amount(c.Upheld ? state.Granted : change.State.Granted)),
            ("grantAccepted", state.Tranches.Count > 0 ? "ja" : "nei"),
            ("payout", PlannedPayouts(change.State)),
            ("acceptanceDeadline", ""),
            ("appealWeeks", change.Round.Appeal.Weeks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("appealDeadline", change.State.AppealDeadline is { } appealBy ? MailModels.Date(appealBy) : ""),
        };
        change.Mail(TemplateIds.Klagevedtak, [.. extra]);
        change.Letter(TemplateIds.Klagevedtak, [.. extra]);
        return null;
    }

    /// <summary>The klageinstans's final decision, registered by the kommune; a changed decision is carried out at once.</summary>
    static DomainError? OnRegisterAppealBodyDecision(Change change, RegisterAppealBodyDecision c)
    {
        var state = change.State;
        var round = change.Round;
        if ((OnlyTheKommuneRegistersTheAppealBodysDecision(c.By)
            ?? ADisqualifiedOfficerDoesNotActOnTheCase(state, c.By)
            ?? OnlyAForwardedAppealGetsTheAppealBodysDecision(state)
            ?? TheAppealBodysDecisionIsNotInTheFuture(c.DecidedOn, change.Now)
            ?? TextIsGiven(c.LetterReference, "Klageinstansens brev (referanse)")
            ?? (c.Upheld ? null : ChangedDecisionIsADifferentDecision(state, c.NewOutcome, c.NewAmount))
            ?? (c.Upheld ? null : TextIsGiven(CaseMails.Lines(c.Reasons), "Klageinstansens begrunnelse"))) is { } error)
        {
            return error;
        }

        // A grant not yet accepted has waited for the appeal; upheld, it gets its acceptance time again from today.
        DateOnly? acceptBy = c.Upheld && state.Status == CaseStatus.AwaitingAcceptance ? AcceptanceDeadlineFor(round, OsloTime.DateOf(change.Now)) : null;
        change.Add(new AppealBodyDecided(c.By, change.Now, c.DecidedOn, c.LetterReference.Trim(), c.Upheld, [.. c.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())], acceptBy));
        if (c.Upheld && state.Status == CaseStatus.AppealForwarded)
        {
            change.Add(new CaseClosed(c.By, change.Now, $"{round.Appeal.Body} opprettholdt avslaget."));
        }
        else if (!c.Upheld && ChangeDecision(change, c.By, c.NewOutcome, c.NewAmount, c.Reasons, final: true) is { } refused)
        {
            return refused;
        }

        change.Mail(
            TemplateIds.KlageinstansVedtak,
            ("appealBody", round.Appeal.Body),
            ("appealBodyDecidedOn", MailModels.Date(c.DecidedOn)),
            ("appealBodyLetter", c.LetterReference.Trim()),
            ("upheld", c.Upheld ? "ja" : "nei"),
            ("newOutcome", c.Upheld ? "" : StatusNames.Of(c.NewOutcome)),
            ("newAmount", MailModels.Amount(change.State.Granted)),
            ("grantAccepted", state.Tranches.Count > 0 ? "ja" : "nei"),
            ("payout", PlannedPayouts(change.State)),
            ("acceptanceDeadline", acceptBy is { } a ? MailModels.Date(a) : ""));
        return null;
    }

    /// <summary>
    /// A decision changed on appeal. Terms not yet accepted: a new vedtak with its letters at the next office hour, as a
    /// first decision. Terms accepted: the grant changes in place, the unpaid tranches follow the new amount, and the
    /// pot is adjusted either way.
    /// </summary>
    static DomainError? ChangeDecision(Change change, Actor by, DecisionOutcome outcome, long amount, IReadOnlyList<string> reasons, bool final)
    {
        var state = change.State;
        if (state.Tranches.Count == 0)
        {
            return Decision(change, by, outcome, amount, reasons, final);
        }

        if ((ChangedGrantIsNotBelowWhatIsPaidOut(state, outcome, amount)
            ?? PartialGrantIsBelowAmountAppliedForWithReason(state, outcome, amount, reasons)
            ?? GrantNeverAboveAmountAppliedFor(state, amount)
            ?? GrantCannotExceedWhatIsLeftInThePot(change.Context, amount, state.Reserved)) is { } error)
        {
            return error;
        }

        var (plan, cancelled) = TranchePlan.ChangedGrantReplansTheUnpaidTranches(change.Round, state.Tranches, amount, change.Now, state.Policy);
        var appealBy = change.Round.Appeal.DeadlineFor(OsloTime.DateOf(change.Now));
        change.Add(new GrantChanged(by, change.Now, outcome, amount, [.. reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())], plan, final, appealBy));
        change.Effect(new ReserveGrant(change.Id("reserve"), state.RoundId, state.Reference, amount));
        foreach (var t in plan.Where(t => !t.Paid).Concat(cancelled))
        {
            change.Effect(new RegisterTranche(change.Id($"tranche-{t.Number}"), state.RoundId, state.Reference, t.Number, t.Amount, t.DueOn));
        }

        return null;
    }

    static string PlannedPayouts(CaseState state) =>
        CaseMails.Lines(state.Tranches.Select(t => t.Paid
            ? $"{t.Name}: {NorwegianFormat.Kroner(t.Amount)} (utbetalt)"
            : $"{t.Name}: {NorwegianFormat.Kroner(t.Amount)} ({NorwegianFormat.Date(t.DueOn)})"));

    static DomainError? OnDeclareImpartiality(Change change, DeclareImpartiality c)
    {
        if ((OnlyOfficersDeclareImpartiality(c.By) ?? TextIsGiven(c.Reason, "Begrunnelsen")) is { } error)
        {
            return error;
        }

        change.Add(new ImpartialityDeclared(c.By, change.Now, c.Disqualified, c.Reason.Trim()));
        if (c.Disqualified)
        {
            change.Notify(null, "En saksbehandler eller beslutter har erklært seg inhabil i saken; en annen må ta den (forvaltningsloven § 6).");
        }

        return null;
    }

    /// <summary>Our choice: the acceptance deadline is the round's days from the letter, moved off weekends and holidays like a legal time limit.</summary>
    static DateOnly AcceptanceDeadlineFor(Rounds.Round round, DateOnly letterSent) =>
        WorkingDays.NextOnOrAfter(letterSent.AddDays(round.AcceptanceDays));
}
