using System.Text.Json.Serialization;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>Something that happened to a case: who (<see cref="By"/>), when (<see cref="At"/>), and what (the record).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(CaseSubmitted), nameof(CaseSubmitted))]
[JsonDerivedType(typeof(EligibilityChecked), nameof(EligibilityChecked))]
[JsonDerivedType(typeof(ReviewStarted), nameof(ReviewStarted))]
[JsonDerivedType(typeof(InformationRequested), nameof(InformationRequested))]
[JsonDerivedType(typeof(InformationReceived), nameof(InformationReceived))]
[JsonDerivedType(typeof(InformationReplyMissed), nameof(InformationReplyMissed))]
[JsonDerivedType(typeof(CaseworkersReminded), nameof(CaseworkersReminded))]
[JsonDerivedType(typeof(InterimReplySent), nameof(InterimReplySent))]
[JsonDerivedType(typeof(CaseAssessed), nameof(CaseAssessed))]
[JsonDerivedType(typeof(DecisionMade), nameof(DecisionMade))]
[JsonDerivedType(typeof(DecisionLetterSent), nameof(DecisionLetterSent))]
[JsonDerivedType(typeof(AcceptanceReminderSent), nameof(AcceptanceReminderSent))]
[JsonDerivedType(typeof(TermsAccepted), nameof(TermsAccepted))]
[JsonDerivedType(typeof(TermsDeclined), nameof(TermsDeclined))]
[JsonDerivedType(typeof(GrantLapsed), nameof(GrantLapsed))]
[JsonDerivedType(typeof(TranchePaidOut), nameof(TranchePaidOut))]
[JsonDerivedType(typeof(ReportReminderSent), nameof(ReportReminderSent))]
[JsonDerivedType(typeof(ReportOverdueNoticeSent), nameof(ReportOverdueNoticeSent))]
[JsonDerivedType(typeof(ReportSubmitted), nameof(ReportSubmitted))]
[JsonDerivedType(typeof(ReportApproved), nameof(ReportApproved))]
[JsonDerivedType(typeof(RepaymentClaimed), nameof(RepaymentClaimed))]
[JsonDerivedType(typeof(RepaymentRegistered), nameof(RepaymentRegistered))]
[JsonDerivedType(typeof(ChangeRequested), nameof(ChangeRequested))]
[JsonDerivedType(typeof(ChangeAnswered), nameof(ChangeAnswered))]
[JsonDerivedType(typeof(AppealReceived), nameof(AppealReceived))]
[JsonDerivedType(typeof(AppealReconsidered), nameof(AppealReconsidered))]
[JsonDerivedType(typeof(AppealRecommended), nameof(AppealRecommended))]
[JsonDerivedType(typeof(AppealBodyDecided), nameof(AppealBodyDecided))]
[JsonDerivedType(typeof(GrantChanged), nameof(GrantChanged))]
[JsonDerivedType(typeof(ImpartialityDeclared), nameof(ImpartialityDeclared))]
[JsonDerivedType(typeof(ApplicationWithdrawn), nameof(ApplicationWithdrawn))]
[JsonDerivedType(typeof(CaseClosed), nameof(CaseClosed))]
public abstract record CaseEvent
{
    private protected CaseEvent(Actor by, DateTimeOffset at)
    {
        By = by;
        At = at;
    }

    public Actor By { get; }

    public DateTimeOffset At { get; }

    /// <summary>
    /// The kommune's own working notes, not shown to the applicant in the case's timeline: the assessment
    /// (innstillingen) before the vedtak, an organinternt dokument (offentleglova § 14, forvaltningsloven § 18 a) whose
    /// outcome the applicant reads in the vedtak, and the reminders the case sends its caseworkers.
    /// </summary>
    public bool IsKommuneInternal => this is CaseAssessed or CaseworkersReminded or AppealRecommended;
}

/// <param name="ReviewReminderDueAt">When caseworkers are reminded if the case is not yet assessed (round deadline + N working days, office hours).</param>
public sealed record CaseSubmitted(
    Actor By,
    DateTimeOffset At,
    string Reference,
    string RoundId,
    string OrganisationNumber,
    string OrganisationName,
    ApplicationKind Kind,
    IReadOnlyList<string> Delmål,
    long AmountAppliedFor,
    string ContactEmail,
    bool AtAsylumReception,
    string? ReceptionContact,
    DateOnly ApplicationDeadline,
    DateTimeOffset ReviewReminderDueAt,
    CasePolicy Policy) : CaseEvent(By, At);

/// <param name="Findings">Norwegian reasons the organisation cannot be granted; empty when eligible.</param>
public sealed record EligibilityChecked(Actor By, DateTimeOffset At, IReadOnlyList<string> Findings) : CaseEvent(By, At);

public sealed record ReviewStarted(Actor By, DateTimeOffset At) : CaseEvent(By, At);

public sealed record InformationRequested(Actor By, DateTimeOffset At, string Question, DateOnly ReplyBy) : CaseEvent(By, At);

public sealed record InformationReceived(Actor By, DateTimeOffset At, string Answer) : CaseEvent(By, At);

/// <summary>The reply deadline passed without an answer; the review goes on with what the case has.</summary>
public sealed record InformationReplyMissed(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The foreløpig svar (forvaltningsloven § 11 a) went out: the application is not decided a month after the deadline.</summary>
/// <param name="ExpectedDecisionBy">When it said the answer can be expected.</param>
public sealed record InterimReplySent(Actor By, DateTimeOffset At, DateOnly ExpectedDecisionBy) : CaseEvent(By, At);

public sealed record CaseworkersReminded(Actor By, DateTimeOffset At, ReminderReason Reason) : CaseEvent(By, At);

public sealed record CaseAssessed(Actor By, DateTimeOffset At, IReadOnlyList<CriterionScore> Scores, IReadOnlyList<string> Exclusions, long RecommendedAmount, string Comment) : CaseEvent(By, At);

/// <param name="LetterDueAt">When the decision letter goes out: the next office hour.</param>
/// <param name="Final">Made by the klageinstans on appeal: it cannot be appealed again (forvaltningsloven § 28).</param>
public sealed record DecisionMade(Actor By, DateTimeOffset At, DecisionOutcome Outcome, long Amount, IReadOnlyList<string> Reasons, DateTimeOffset LetterDueAt, bool Final = false) : CaseEvent(By, At);

/// <summary>The decision letter (and for a grant the grant letter) went out; the appeal window runs from <paramref name="SentOn"/>.</summary>
/// <param name="GrantTermsVersion">The version of the round's terms the grant letter stated (<see cref="Round.GrantTermsVersion"/>); null for a rejection, and in an event of a release before issue 26.</param>
public sealed record DecisionLetterSent(
    Actor By,
    DateTimeOffset At,
    DateOnly SentOn,
    DateOnly AppealDeadline,
    DateOnly? AcceptanceDeadline,
    DateTimeOffset? AcceptanceReminderDueAt,
    DateOnly? ReportDeadline,
    string? GrantTermsVersion = null) : CaseEvent(By, At);

public sealed record AcceptanceReminderSent(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <param name="GrantTermsVersion">The terms accepted: the version the grant letter stated; null when the letter went out before issue 26 (its terms were the template's own).</param>
public sealed record TermsAccepted(Actor By, DateTimeOffset At, IReadOnlyList<Tranche> Tranches, string? GrantTermsVersion = null) : CaseEvent(By, At);

public sealed record TermsDeclined(Actor By, DateTimeOffset At, string Reason) : CaseEvent(By, At);

/// <summary>The acceptance deadline passed without an answer: the grant falls away and its money goes back to the pot.</summary>
public sealed record GrantLapsed(Actor By, DateTimeOffset At) : CaseEvent(By, At);

public sealed record TranchePaidOut(Actor By, DateTimeOffset At, int Number, long Amount) : CaseEvent(By, At);

/// <param name="Number">1 for the first reminder before the deadline.</param>
public sealed record ReportReminderSent(Actor By, DateTimeOffset At, int Number) : CaseEvent(By, At);

public sealed record ReportOverdueNoticeSent(Actor By, DateTimeOffset At, int Number) : CaseEvent(By, At);

/// <param name="Files">The report's files, for the caseworker's review; null in an event of a release before issue 26.</param>
public sealed record ReportSubmitted(Actor By, DateTimeOffset At, long AmountUsed, bool AuditorsStatementAttached, IReadOnlyList<AttachedFile>? Files = null) : CaseEvent(By, At);

public sealed record ReportApproved(Actor By, DateTimeOffset At, string Comment) : CaseEvent(By, At);

public sealed record RepaymentClaimed(Actor By, DateTimeOffset At, long Amount, string Comment) : CaseEvent(By, At);

public sealed record RepaymentRegistered(Actor By, DateTimeOffset At, long Amount) : CaseEvent(By, At);

public sealed record ChangeRequested(Actor By, DateTimeOffset At, string Description) : CaseEvent(By, At);

public sealed record ChangeAnswered(Actor By, DateTimeOffset At, bool Consent, string Comment) : CaseEvent(By, At);

/// <param name="AdmittedLateBecause">Set when the appeal came after the window and the kommune took it under consideration (forvaltningsloven § 31).</param>
public sealed record AppealReceived(Actor By, DateTimeOffset At, string Grounds, string? AdmittedLateBecause = null) : CaseEvent(By, At);

/// <summary>The caseworker's recommendation on the appeal: kommune-internal preparation, as the assessment is.</summary>
public sealed record AppealRecommended(Actor By, DateTimeOffset At, bool Uphold, string Recommendation) : CaseEvent(By, At);

/// <param name="Upheld">
/// True: the decision stands and the appeal goes to the klageinstans. False: the decision is changed; a
/// <see cref="DecisionMade"/> (decision not yet accepted) or a <see cref="GrantChanged"/> (terms accepted) follows.
/// </param>
/// <param name="NewAcceptanceDeadline">Only in histories written before the klageinstans step: an upheld grant's new acceptance deadline.</param>
public sealed record AppealReconsidered(Actor By, DateTimeOffset At, bool Upheld, IReadOnlyList<string> Reasons, DateOnly? NewAcceptanceDeadline) : CaseEvent(By, At);

/// <summary>The klageinstans's final decision, registered by the kommune; a changed decision's event follows it.</summary>
/// <param name="NewAcceptanceDeadline">A grant not yet accepted gets a new acceptance deadline from the day the appeal ended.</param>
public sealed record AppealBodyDecided(
    Actor By,
    DateTimeOffset At,
    DateOnly DecidedOn,
    string LetterReference,
    bool Upheld,
    IReadOnlyList<string> Reasons,
    DateOnly? NewAcceptanceDeadline) : CaseEvent(By, At);

/// <summary>
/// A grant whose terms were accepted is changed on appeal: the decision now grants <paramref name="Amount"/>, the unpaid
/// tranches are planned anew (<paramref name="Tranches"/> is the whole plan, paid ones as they were).
/// </summary>
/// <param name="Final">Made by the klageinstans: it cannot be appealed again (forvaltningsloven § 28).</param>
/// <param name="AppealDeadline">The changed decision's letter goes out with the event; a kommune's changed decision may be appealed until then.</param>
public sealed record GrantChanged(
    Actor By,
    DateTimeOffset At,
    DecisionOutcome Outcome,
    long Amount,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Tranche> Tranches,
    bool Final,
    DateOnly AppealDeadline) : CaseEvent(By, At);

/// <summary>Forvaltningsloven § 6: the officer declares whether they are disqualified (inhabil) on the case, and why.</summary>
public sealed record ImpartialityDeclared(Actor By, DateTimeOffset At, bool Disqualified, string Reason) : CaseEvent(By, At);

public sealed record ApplicationWithdrawn(Actor By, DateTimeOffset At, string Reason) : CaseEvent(By, At);

public sealed record CaseClosed(Actor By, DateTimeOffset At, string Reason) : CaseEvent(By, At);

public enum ReminderReason
{
    /// <summary>Not assessed N working days after the round deadline.</summary>
    ReviewNotAssessed,

    /// <summary>No answer to a request for information by its deadline.</summary>
    InformationNotAnswered,

    /// <summary>The report is still missing after the third overdue notice.</summary>
    ReportOverdue,

    /// <summary>A grant lapsed because its terms were not accepted in time.</summary>
    GrantLapsed,
}

/// <summary>One payout (utbetalingstermin).</summary>
/// <param name="Number">1 (spring, or the only one), 2 (autumn).</param>
public sealed record Tranche(int Number, string Name, long Amount, DateOnly DueOn, DateTimeOffset DueAt, bool Paid = false);
