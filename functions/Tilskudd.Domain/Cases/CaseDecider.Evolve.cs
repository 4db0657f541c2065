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
                Decision = new(e.Outcome, e.Amount, e.Reasons, e.By, e.At),
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
            AppealReceived e => state with { Status = CaseStatus.AppealReceived, Appeal = new(e.Grounds, e.At, state.Status) },
            AppealReconsidered e => Reconsidered(state, e),
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

    /// <summary>Upheld: a rejection goes to the appeal body, a grant goes back to waiting for acceptance. Changed: the next event is the new decision.</summary>
    static CaseState Reconsidered(CaseState state, AppealReconsidered e)
    {
        var appeal = state.Appeal! with { Upheld = e.Upheld };
        if (!e.Upheld)
        {
            return state with { Appeal = appeal };
        }

        return appeal.StatusBefore == CaseStatus.AwaitingAcceptance
            ? state with
            {
                Appeal = appeal,
                Status = CaseStatus.AwaitingAcceptance,
                AcceptanceDeadline = e.NewAcceptanceDeadline,
                AcceptanceReminderDueAt = null,
                AcceptanceReminderSent = true,
            }
            : state with { Appeal = appeal, Status = CaseStatus.AppealForwarded };
    }
}
