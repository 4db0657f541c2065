using Tilskudd.Domain.Templates;
using Tilskudd.Domain.Text;
using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Cases;

/// <summary>What the clock does to a case: every timer of issue 4 and the foreløpig svar of issue 26, each found from the state alone.</summary>
public static partial class CaseDecider
{
    /// <summary>A timer of the case and when it falls due.</summary>
    public enum Due
    {
        ReviewReminder,
        InformationReplyDeadline,
        DecisionLetter,
        AppealWindowOver,
        AcceptanceReminder,
        AcceptanceLapse,
        TranchePayout,
        ReportReminder,
        ReportOverdueNotice,
        InterimReply,
    }

    /// <summary>When the case next needs the clock: the orchestration sets a durable timer for it and sends <see cref="Tick"/>. Null: it waits for people only.</summary>
    public static DateTimeOffset? NextDueAt(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Timers(state).Select(t => (DateTimeOffset?)t.At).Min();
    }

    /// <summary>Every timer running in the state, in no particular order.</summary>
    public static IEnumerable<(Due What, DateTimeOffset At)> Timers(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var policy = state.Policy;
        switch (state.Status)
        {
            case CaseStatus.Submitted or CaseStatus.WaitingForDeadline or CaseStatus.UnderReview or CaseStatus.AwaitingInformation
                when !state.ReviewReminderSent && state.ReviewReminderDueAt is { } reviewAt:
                yield return (Due.ReviewReminder, reviewAt);
                break;
        }

        if (CaseRules.UndecidedCaseGetsAnInterimReplyOnceAMonthAfterTheDeadline(state) is { } interimOn)
        {
            yield return (Due.InterimReply, OfficeHours.OnOrAfter(interimOn, policy));
        }

        switch (state.Status)
        {
            case CaseStatus.AwaitingInformation when state.OpenInformationRequest is { } request:
                yield return (Due.InformationReplyDeadline, OfficeHours.OnOrAfter(request.ReplyBy.AddDays(1), policy));
                break;
            case CaseStatus.Decided when state.LetterDueAt is { } letterAt:
                yield return (Due.DecisionLetter, letterAt);
                break;
            case CaseStatus.Rejected when state.AppealDeadline is { } appealBy:
                yield return (Due.AppealWindowOver, OsloTime.StartOfDay(appealBy.AddDays(1)));
                break;
            // Klages vedtaket, venter fristen for å akseptere til klagen er avgjort (the decision letter says so).
            case CaseStatus.AwaitingAcceptance when state.AcceptanceDeadline is { } acceptBy && state.Appeal is not { IsOpen: true }:
                if (!state.AcceptanceReminderSent && state.AcceptanceReminderDueAt is { } remindAt)
                {
                    yield return (Due.AcceptanceReminder, remindAt);
                }

                yield return (Due.AcceptanceLapse, OsloTime.StartOfDay(acceptBy.AddDays(1)));
                break;
            case CaseStatus.PayingOut or CaseStatus.ReportDue:
                if (state.Tranches.FirstOrDefault(t => !t.Paid) is { } next)
                {
                    yield return (Due.TranchePayout, next.DueAt);
                }

                if (state.ReportDeadline is { } reportBy)
                {
                    if (state.ReportRemindersSent < policy.ReportReminderDaysBefore.Count)
                    {
                        yield return (Due.ReportReminder, OfficeHours.OnOrBefore(reportBy.AddDays(-policy.ReportReminderDaysBefore[state.ReportRemindersSent]), policy));
                    }

                    var overdueFrom = state.LastOverdueNoticeAt is { } last
                        ? OsloTime.DateOf(last).AddDays(policy.OverdueRepeatDays)
                        : reportBy.AddDays(1);
                    yield return (Due.ReportOverdueNotice, OfficeHours.OnOrAfter(overdueFrom, policy));
                }

                break;
        }
    }

    /// <summary>Does everything that has fallen due by now, earliest first; refused when nothing has.</summary>
    static DomainError? OnTick(Change change)
    {
        // Each step moves a timer on, so the loop ends; the bound guards against a rule that would not.
        for (int step = 0; step < 100; step++)
        {
            var due = Timers(change.State).Where(t => t.At <= change.Now).OrderBy(t => t.At).ThenBy(t => t.What).Cast<(Due What, DateTimeOffset At)?>().FirstOrDefault();
            if (due is not { } timer)
            {
                break;
            }

            OnDue(change, timer.What);
        }

        return change.State.Version == change.StartVersion
            ? DomainError.Conflict("nothing-due", "Ingenting har forfalt ennå.")
            : null;
    }

    static void OnDue(Change change, Due what)
    {
        var state = change.State;
        var round = change.Context.Round;
        var clock = Actor.Clock;
        var now = change.Now;
        switch (what)
        {
            case Due.ReviewReminder:
                change.Add(new CaseworkersReminded(clock, now, ReminderReason.ReviewNotAssessed));
                change.Notify(ReminderReason.ReviewNotAssessed, $"Saken er ikke vurdert {round.ReviewReminderWorkingDays} virkedager etter søknadsfristen.");
                break;

            case Due.InterimReply:
                var expected = round.InterimReply.ExpectedDecisionBy;
                change.Add(new InterimReplySent(clock, now, expected));
                change.Mail(
                    TemplateIds.ForelopigSvar,
                    ("applicationDeadline", MailModels.Date(state.ApplicationDeadline)),
                    ("reason", round.InterimReply.Reason),
                    ("expectedDecisionBy", MailModels.Date(expected)));
                break;

            case Due.InformationReplyDeadline:
                change.Add(new InformationReplyMissed(clock, now));
                change.Notify(ReminderReason.InformationNotAnswered, "Svarfristen for mer informasjon er ute uten svar; saken er tilbake til vurdering.");
                break;

            case Due.DecisionLetter:
                SendDecisionLetter(change);
                break;

            case Due.AppealWindowOver:
                change.Add(new CaseClosed(clock, now, "Klagefristen er ute uten klage."));
                break;

            case Due.AcceptanceReminder:
                change.Add(new AcceptanceReminderSent(clock, now));
                change.Mail(TemplateIds.PaminnelseAksept, ("granted", MailModels.Amount(state.Granted)), ("acceptanceDeadline", MailModels.Date(state.AcceptanceDeadline!.Value)));
                break;

            case Due.AcceptanceLapse:
                change.Add(new GrantLapsed(clock, now));
                change.Release(state.Reserved);
                change.Notify(ReminderReason.GrantLapsed, "Vilkårene ble ikke akseptert innen fristen; tilskuddet er bortfalt og beløpet ført tilbake til rammen.");
                break;

            case Due.TranchePayout:
                var tranche = state.Tranches.First(t => !t.Paid);
                change.Add(new TranchePaidOut(clock, now, tranche.Number, tranche.Amount));
                change.Mail(
                    TemplateIds.Utbetalingsmelding,
                    ("trancheName", tranche.Name),
                    ("amount", MailModels.Amount(tranche.Amount)),
                    ("paidOn", MailModels.Date(OsloTime.DateOf(now))),
                    ("granted", MailModels.Amount(state.Granted)),
                    ("paidSoFar", MailModels.Amount(change.State.PaidOut)),
                    ("remaining", CaseMails.Lines(change.State.Tranches.Where(t => !t.Paid).Select(t => $"{t.Name}: {$"{NorwegianFormat.Kroner(t.Amount)} ({NorwegianFormat.Date(t.DueOn)})"}"))),
                    ("reportDeadline", MailModels.Date(state.ReportDeadline!.Value)));
                break;

            case Due.ReportReminder:
                change.Add(new ReportReminderSent(clock, now, state.ReportRemindersSent + 1));
                change.Mail(TemplateIds.Rapportpaminnelse, ReportModel(change.State, round));
                break;

            case Due.ReportOverdueNotice:
                int number = state.OverdueNoticesSent + 1;
                change.Add(new ReportOverdueNoticeSent(clock, now, number));
                change.Mail(TemplateIds.Purring, [.. ReportModel(change.State, round), ("noticeNumber", number.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                if (number >= state.Policy.CaseworkersToldAfterOverdueNotices && !state.CaseworkersToldReportOverdue)
                {
                    change.Add(new CaseworkersReminded(clock, now, ReminderReason.ReportOverdue));
                    change.Notify(ReminderReason.ReportOverdue, $"Rapporten mangler fortsatt etter {number} purringer.");
                }

                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(what), what, "Unknown timer.");
        }
    }

    static (string, string)[] ReportModel(CaseState state, Rounds.Round round) =>
    [
        ("reportDeadline", MailModels.Date(state.ReportDeadline!.Value)),
        ("granted", MailModels.Amount(state.Granted)),
        ("auditRequired", round.Report.RequiresAuditedAccounts(state.Granted) ? "ja" : "nei"),
        ("auditThreshold", MailModels.Amount(round.Report.AuditThreshold)),
    ];

    /// <summary>
    /// The decision letter goes out; for a grant the grant letter with its terms goes with it. The appeal window runs
    /// from this day (Alta: "tre uker fra vedtaksbrevet er utsendt"), the acceptance deadline and the report deadline too.
    /// </summary>
    static void SendDecisionLetter(Change change)
    {
        var state = change.State;
        var round = change.Context.Round;
        var decision = state.Decision!;
        var sentOn = OsloTime.DateOf(change.Now);
        var appealBy = round.Appeal.DeadlineFor(sentOn);
        bool granted = decision.Outcome != DecisionOutcome.Rejected;
        DateOnly? acceptBy = granted ? AcceptanceDeadlineFor(round, sentOn) : null;
        DateTimeOffset? remindAt = acceptBy is { } a
            ? OfficeHours.OnOrBefore(Later(a.AddDays(-state.Policy.AcceptanceReminderDaysBefore), sentOn.AddDays(1)), state.Policy)
            : null;
        DateOnly? reportBy = granted ? round.Report.DeadlineFor(sentOn) : null;
        string? termsVersion = granted ? round.GrantTermsVersion : null;
        change.Add(new DecisionLetterSent(Actor.Clock, change.Now, sentOn, appealBy, acceptBy, remindAt, reportBy, termsVersion));

        (string, string)[] model =
        [
            ("decidedAt", MailModels.Instant(decision.At)),
            ("letterDate", MailModels.Date(sentOn)),
            ("granted", MailModels.Amount(decision.Amount)),
            ("reasons", CaseMails.Lines(decision.Reasons)),
            ("appealDeadline", MailModels.Date(appealBy)),
            ("appealWeeks", round.Appeal.Weeks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("acceptanceDeadline", acceptBy is { } ab ? MailModels.Date(ab) : ""),
            ("reportDeadline", reportBy is { } rb ? MailModels.Date(rb) : ""),
            ("auditRequired", granted && round.Report.RequiresAuditedAccounts(decision.Amount) ? "ja" : "nei"),
            ("auditThreshold", MailModels.Amount(round.Report.AuditThreshold)),
            ("terms", CaseMails.Lines(round.GrantTerms)),
            ("termsVersion", termsVersion ?? ""),
            ("payout", granted ? PayoutText(round, decision.Amount) : ""),
            ("final", decision.Final ? "ja" : "nei"),
            ("considerations", CaseMails.Lines(MainConsiderations(state, round))),
            ("rules", RulesOfTheDecision(state, round)),
            ("appealBody", round.Appeal.Body),
        ];
        string template = CaseMails.DecisionTemplate(decision.Outcome);
        change.Mail(template, model);
        change.Letter(template, model);
        if (granted)
        {
            change.Mail(TemplateIds.Tilskuddsbrev, model);
            change.Letter(TemplateIds.Tilskuddsbrev, model);
        }
    }

    /// <summary>
    /// Forvaltningsloven § 25: the grounds name the main considerations. They are what the case found against the
    /// application: the register findings, the round's exclusions the assessment flagged, and the round's criteria it
    /// scored low (2 of 5 or less).
    /// </summary>
    public static IReadOnlyList<string> MainConsiderations(CaseState state, Rounds.Round round)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(round);
        var criteria = round.Criteria.Concat(round.AsylumReceptionCriteria).ToList();
        return
        [
            .. state.EligibilityFindings ?? [],
            .. (state.Assessment?.Exclusions ?? []).Select(code => "Det gis ikke støtte til: " + (round.NotSupported.FirstOrDefault(x => x.Code == code)?.Text ?? code)),
            .. (state.Assessment?.Scores ?? [])
                .Where(s => s.Score <= LowScore)
                .Select(s => $"«{criteria.FirstOrDefault(c => c.Code == s.Code)?.Text ?? s.Code}» er vurdert til {s.Score} av {CriterionScore.Highest}."),
        ];
    }

    /// <summary>A criterion scored at or below this is a main consideration against the application.</summary>
    const int LowScore = 2;

    /// <summary>Forvaltningsloven § 25: the grounds refer to the rules the decision rests on.</summary>
    static string RulesOfTheDecision(CaseState state, Rounds.Round round)
    {
        var parts = new List<string> { $"retningslinjene for ordningen «{round.Title}»" };
        if (state.EligibilityFindings is { Count: > 0 })
        {
            parts.Add("vilkårene for hvem som kan søke");
        }

        if (state.Assessment is { Exclusions.Count: > 0 })
        {
            parts.Add("det ordningen ikke gir støtte til");
        }

        if (round.Criteria.Count > 0)
        {
            parts.Add("kriteriene søknadene vurderes etter");
        }

        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " og " + parts[^1];
    }

    /// <summary>The grant letter's payout paragraph, from the round's tranche rule (see <see cref="TranchePlan.For"/>).</summary>
    static string PayoutText(Rounds.Round round, long granted)
    {
        if (!TranchePlan.AltaGrantOver30000IsPaidInSpringAndAutumn(round, granted))
        {
            return $"Hele tilskuddet, {NorwegianFormat.Kroner(granted)}, utbetales når vilkårene er akseptert.";
        }

        var (spring, autumn) = TranchePlan.SplitInTwo(granted);
        return CaseMails.Lines(
        [
            $"Tilskudd over {NorwegianFormat.Kroner(round.Tranches.SplitAbove!.Value)} utbetales i to terminer, vår og høst.",
            $"Vårtermin: {NorwegianFormat.Kroner(spring)} den {NorwegianFormat.Date(round.Tranches.SpringPayout)}, eller når vilkårene er akseptert om det er senere.",
            $"Høsttermin: {NorwegianFormat.Kroner(autumn)} den {NorwegianFormat.Date(round.Tranches.AutumnPayout)}.",
        ]);
    }

    static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
