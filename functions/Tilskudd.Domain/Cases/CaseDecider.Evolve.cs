using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Cases;

public static partial class CaseDecider
{
    /// <summary>The state after one more event. Total: every event applies to any state (replay never fails).</summary>
    public static CaseState Evolve(CaseState state, CaseEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        var next = @event switch
        {
            CaseSubmitted e => state with
            {
                Status = CaseStatus.Submitted,
                Reference = e.Reference,
                RoundId = e.RoundId,
                OrganisationNumber = e.OrganisationNumber,
                OrganisationName = e.OrganisationName,
                Kind = e.Kind,
                Delmål = e.Delmål,
                AmountAppliedFor = e.AmountAppliedFor,
                ContactEmail = e.ContactEmail,
                AtAsylumReception = e.AtAsylumReception,
                ReceptionContact = e.ReceptionContact,
                SubmittedAt = e.At,
                ApplicationDeadline = e.ApplicationDeadline,
                ReviewReminderDueAt = e.ReviewReminderDueAt,
                Policy = e.Policy,
            },
            EligibilityChecked e => state with { Status = CaseStatus.WaitingForDeadline, EligibilityFindings = e.Findings },
            ReviewStarted => state with { Status = CaseStatus.UnderReview },
            InformationRequested e => state with
            {
                Status = CaseStatus.AwaitingInformation,
                OpenInformationRequest = new(e.Question, e.ReplyBy, e.At),
            },
            InformationReceived => state with { Status = CaseStatus.UnderReview, OpenInformationRequest = null },
            InformationReplyMissed => state with { Status = CaseStatus.UnderReview, OpenInformationRequest = null },
            CaseworkersReminded { Reason: ReminderReason.ReviewNotAssessed } => state with { ReviewReminderSent = true },
            CaseworkersReminded { Reason: ReminderReason.ReportOverdue } => state with { CaseworkersToldReportOverdue = true },
            CaseworkersReminded => state,
            InterimReplySent => state with { InterimReplySent = true },
            CaseAssessed e => state with
            {
                Status = CaseStatus.Assessed,
                Assessment = new(e.Scores, e.Exclusions, e.RecommendedAmount, e.Comment, e.By, e.At),
            },
            DecisionMade e => state with
            {
                Status = CaseStatus.Decided,
                Decision = new(e.Outcome, e.Amount, e.Reasons, e.By, e.At, e.Final),
                LetterDueAt = e.LetterDueAt,
                Reserved = e.Amount,
            },
            DecisionLetterSent e => state with
            {
                Status = state.Decision is { Outcome: DecisionOutcome.Rejected } ? CaseStatus.Rejected : CaseStatus.AwaitingAcceptance,
                LetterDueAt = null,
                LetterSentOn = e.SentOn,
                AppealDeadline = e.AppealDeadline,
                AcceptanceDeadline = e.AcceptanceDeadline,
                AcceptanceReminderDueAt = e.AcceptanceReminderDueAt,
                AcceptanceReminderSent = false,
                ReportDeadline = e.ReportDeadline,
                GrantTermsVersion = e.GrantTermsVersion,
            },
            AcceptanceReminderSent => state with { AcceptanceReminderSent = true },
            TermsAccepted e => state with { Status = CaseStatus.PayingOut, Tranches = e.Tranches },
            TermsDeclined => state with { Status = CaseStatus.Declined, Reserved = 0 },
            GrantLapsed => state with { Status = CaseStatus.Lapsed, Reserved = 0 },
            TranchePaidOut e => PaidOut(state, e.Number),
            ReportReminderSent e => state with { ReportRemindersSent = e.Number },
            ReportOverdueNoticeSent e => state with { OverdueNoticesSent = e.Number, LastOverdueNoticeAt = e.At },
            ReportSubmitted e => state with { Status = CaseStatus.ReportReceived, Report = new(e.AmountUsed, e.AuditorsStatementAttached, e.At) },
            ReportApproved => state,
            RepaymentClaimed e => state with { Status = CaseStatus.RepaymentClaimed, RepaymentClaimed = e.Amount },
            RepaymentRegistered => state,
            ChangeRequested e => state with { PendingChange = e.Description },
            ChangeAnswered => state with { PendingChange = null },
            AppealReceived e => state with
            {
                // A rejection waits for the appeal; a grant goes on meanwhile (its terms, its payouts).
                Status = state.Status is CaseStatus.Rejected or CaseStatus.Closed ? CaseStatus.AppealReceived : state.Status,
                Appeal = new(e.Grounds, e.At, state.Status, AdmittedLateBecause: e.AdmittedLateBecause),
            },
            AppealRecommended e => state with { Appeal = state.Appeal! with { Recommendation = new(e.Uphold, e.Recommendation, e.By, e.At) } },
            AppealReconsidered e => Reconsidered(state, e),
            AppealBodyDecided e => AppealBodyDecided(state, e),
            GrantChanged e => state with
            {
                Status = e.Tranches.All(t => t.Paid) ? CaseStatus.ReportDue : CaseStatus.PayingOut,
                Decision = new(e.Outcome, e.Amount, e.Reasons, e.By, e.At, e.Final),
                Reserved = e.Amount,
                Tranches = e.Tranches,
                LetterSentOn = OsloTime.DateOf(e.At),
                AppealDeadline = e.AppealDeadline,
            },
            ImpartialityDeclared e => state with
            {
                Impartiality = [.. state.Impartiality.Where(d => d.Officer.Id != e.By.Id), new(e.By, e.Disqualified, e.Reason, e.At)],
            },
            ApplicationWithdrawn => state with { Status = CaseStatus.Withdrawn, Reserved = 0 },
            CaseClosed e => state with { Status = CaseStatus.Closed, ClosedReason = e.Reason },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown event."),
        };
        return next with { Version = state.Version + 1 };
    }

    static CaseState PaidOut(CaseState state, int number)
    {
        var tranches = state.Tranches.Select(t => t.Number == number ? t with { Paid = true } : t).ToList();
        return state with
        {
            Tranches = tranches,
            Status = tranches.All(t => t.Paid) ? CaseStatus.ReportDue : state.Status,
        };
    }

    /// <summary>
    /// Upheld: a rejection waits for the klageinstans (<see cref="CaseStatus.AppealForwarded"/>), a grant goes on as it
    /// was. Changed: the next event is the new decision. Histories written before the klageinstans step held an upheld
    /// grant's appeal in <see cref="CaseStatus.AppealReceived"/> and gave it a new acceptance deadline; they replay so.
    /// </summary>
    static CaseState Reconsidered(CaseState state, AppealReconsidered e)
    {
        var appeal = state.Appeal! with { Upheld = e.Upheld };
        if (!e.Upheld)
        {
            return state with { Appeal = appeal };
        }

        if (e.NewAcceptanceDeadline is { } acceptBy)
        {
            return state with
            {
                Appeal = appeal,
                Status = CaseStatus.AwaitingAcceptance,
                AcceptanceDeadline = acceptBy,
                AcceptanceReminderDueAt = null,
                AcceptanceReminderSent = true,
            };
        }

        return state with { Appeal = appeal, Status = state.Status == CaseStatus.AppealReceived ? CaseStatus.AppealForwarded : state.Status };
    }

    /// <summary>The klageinstans has decided: the appeal is over. A grant not yet accepted gets its new acceptance deadline.</summary>
    static CaseState AppealBodyDecided(CaseState state, AppealBodyDecided e)
    {
        var next = state with { Appeal = state.Appeal! with { AppealBodyDecidedOn = e.DecidedOn, AppealBodyUpheld = e.Upheld } };
        if (e.NewAcceptanceDeadline is not { } acceptBy)
        {
            return next;
        }

        var remindOn = acceptBy.AddDays(-state.Policy.AcceptanceReminderDaysBefore);
        var tomorrow = OsloTime.DateOf(e.At).AddDays(1);
        return next with
        {
            AcceptanceDeadline = acceptBy,
            AcceptanceReminderDueAt = OfficeHours.OnOrBefore(remindOn > tomorrow ? remindOn : tomorrow, state.Policy),
            AcceptanceReminderSent = false,
        };
    }
}
