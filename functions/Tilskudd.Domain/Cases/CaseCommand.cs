using System.Text.Json.Serialization;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>Something a person or the clock asks of a case. Which status takes which command: <see cref="CaseTransitions"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(SubmitApplication), nameof(SubmitApplication))]
[JsonDerivedType(typeof(CheckEligibility), nameof(CheckEligibility))]
[JsonDerivedType(typeof(StartReview), nameof(StartReview))]
[JsonDerivedType(typeof(RequestInformation), nameof(RequestInformation))]
[JsonDerivedType(typeof(SubmitInformation), nameof(SubmitInformation))]
[JsonDerivedType(typeof(Assess), nameof(Assess))]
[JsonDerivedType(typeof(MakeDecision), nameof(MakeDecision))]
[JsonDerivedType(typeof(AcceptTerms), nameof(AcceptTerms))]
[JsonDerivedType(typeof(DeclineTerms), nameof(DeclineTerms))]
[JsonDerivedType(typeof(Withdraw), nameof(Withdraw))]
[JsonDerivedType(typeof(RequestChange), nameof(RequestChange))]
[JsonDerivedType(typeof(AnswerChangeRequest), nameof(AnswerChangeRequest))]
[JsonDerivedType(typeof(SubmitReport), nameof(SubmitReport))]
[JsonDerivedType(typeof(ReviewReport), nameof(ReviewReport))]
[JsonDerivedType(typeof(RegisterRepayment), nameof(RegisterRepayment))]
[JsonDerivedType(typeof(Appeal), nameof(Appeal))]
[JsonDerivedType(typeof(ReconsiderAppeal), nameof(ReconsiderAppeal))]
[JsonDerivedType(typeof(AdmitLateAppeal), nameof(AdmitLateAppeal))]
[JsonDerivedType(typeof(RecommendOnAppeal), nameof(RecommendOnAppeal))]
[JsonDerivedType(typeof(RegisterAppealBodyDecision), nameof(RegisterAppealBodyDecision))]
[JsonDerivedType(typeof(DeclareImpartiality), nameof(DeclareImpartiality))]
[JsonDerivedType(typeof(Tick), nameof(Tick))]
public abstract record CaseCommand
{
    private protected CaseCommand(Actor by) => By = by;

    public Actor By { get; }
}

/// <summary>The application as intake accepted it; starts the case.</summary>
public sealed record SubmitApplication(
    Actor By,
    string Reference,
    string OrganisationNumber,
    string OrganisationName,
    ApplicationKind Kind,
    IReadOnlyList<string> Delmål,
    long AmountAppliedFor,
    string ContactEmail,
    bool AtAsylumReception = false,
    string? ReceptionContact = null) : CaseCommand(By);

/// <summary>Register facts looked up for the organisation (Frivillighetsregisteret, Enhetsregisteret).</summary>
/// <param name="FoundedOn">The organisation's founding (registration) date, when known.</param>
/// <param name="OrganisationForm">Enhetsregisteret's organisasjonsform code (FLI, STI, AS, ENK …); null when not known.</param>
public sealed record CheckEligibility(Actor By, bool InFrivillighetsregisteret, bool RegisteredInKommune, DateOnly? FoundedOn, string? OrganisationForm = null) : CaseCommand(By);

public sealed record StartReview(Actor By) : CaseCommand(By);

/// <summary>Mangelbrev: ask the applicant for more; <paramref name="ReplyBy"/> defaults to the round's reply days.</summary>
public sealed record RequestInformation(Actor By, string Question, DateOnly? ReplyBy = null) : CaseCommand(By);

public sealed record SubmitInformation(Actor By, string Answer) : CaseCommand(By);

/// <summary>The caseworker's assessment and recommendation (vurdering og innstilling).</summary>
/// <param name="Scores">One per criterion of the round (and per asylum-reception criterion when the activity is at a reception centre).</param>
/// <param name="Exclusions">Codes of the round's <see cref="Round.NotSupported"/> that apply to this application.</param>
public sealed record Assess(Actor By, IReadOnlyList<CriterionScore> Scores, IReadOnlyList<string> Exclusions, long RecommendedAmount, string Comment) : CaseCommand(By);

/// <summary>The decision (vedtak). <paramref name="Amount"/> is ignored for a rejection.</summary>
public sealed record MakeDecision(Actor By, DecisionOutcome Outcome, long Amount, IReadOnlyList<string> Reasons) : CaseCommand(By);

public sealed record AcceptTerms(Actor By) : CaseCommand(By);

public sealed record DeclineTerms(Actor By, string Reason) : CaseCommand(By);

public sealed record Withdraw(Actor By, string Reason) : CaseCommand(By);

/// <summary>Ask to change what the grant is for; needs written consent beforehand (Alta's grant terms).</summary>
public sealed record RequestChange(Actor By, string Description) : CaseCommand(By);

public sealed record AnswerChangeRequest(Actor By, bool Consent, string Comment) : CaseCommand(By);

/// <param name="AmountUsed">Kroner of the grant used for its purpose in the grant year, as the accounts show.</param>
/// <param name="AuditorsStatementAttached">Revisorberetning attached (required at or above the audit threshold).</param>
/// <param name="Files">The files sent with the report (report, accounts, auditor's statement); none in a command of a release before issue 26.</param>
public sealed record SubmitReport(Actor By, long AmountUsed, bool AuditorsStatementAttached, IReadOnlyList<AttachedFile>? Files = null) : CaseCommand(By);

/// <param name="AcceptedUse">Kroner the caseworker accepts as used for the purpose in the grant year; the rest is claimed back.</param>
public sealed record ReviewReport(Actor By, long AcceptedUse, string Comment) : CaseCommand(By);

public sealed record RegisterRepayment(Actor By, long Amount) : CaseCommand(By);

/// <summary>Klage on the decision, while the window from the decision letter is open, whatever the case has done since.</summary>
public sealed record Appeal(Actor By, string Grounds) : CaseCommand(By);

/// <summary>
/// Forvaltningsloven § 31: an appeal that came too late is taken under consideration all the same, with the reason
/// (the organisation cannot be blamed for the delay, or there are special reasons). The kommune registers it.
/// </summary>
public sealed record AdmitLateAppeal(Actor By, string Grounds, string Reason) : CaseCommand(By);

/// <summary>The caseworker prepares the appeal (forvaltningsloven § 33): a recommendation to uphold or change the decision.</summary>
public sealed record RecommendOnAppeal(Actor By, bool Uphold, string Recommendation) : CaseCommand(By);

/// <summary>
/// The decision maker's handling of the appeal (forvaltningsloven § 33): change the decision (a new vedtak), or
/// uphold it and send the appeal to the klageinstans.
/// </summary>
/// <param name="NewOutcome">When not upheld: the changed decision.</param>
public sealed record ReconsiderAppeal(Actor By, bool Upheld, DecisionOutcome NewOutcome, long NewAmount, IReadOnlyList<string> Reasons) : CaseCommand(By);

/// <summary>
/// The klageinstans's final decision on a forwarded appeal (forvaltningsloven § 34), registered by the kommune with the
/// date and the reference of its letter; it ends the appeal and cannot itself be appealed (§ 28).
/// </summary>
/// <param name="Upheld">True: the appeal is not granted and the decision stands. False: the decision is changed to <paramref name="NewOutcome"/>.</param>
public sealed record RegisterAppealBodyDecision(
    Actor By,
    DateOnly DecidedOn,
    string LetterReference,
    bool Upheld,
    DecisionOutcome NewOutcome,
    long NewAmount,
    IReadOnlyList<string> Reasons) : CaseCommand(By);

/// <summary>
/// Forvaltningsloven § 6: the officer declares whether they are disqualified (inhabil) on the case, and why; asked
/// for when the organisation's roles in the register name someone of the officer's name.
/// </summary>
public sealed record DeclareImpartiality(Actor By, bool Disqualified, string Reason) : CaseCommand(By);

/// <summary>The timer fired: do whatever has fallen due (reminders, letters, lapses, payouts, notices).</summary>
public sealed record Tick() : CaseCommand(Actor.Clock);

/// <summary>A file a command brought to the case.</summary>
/// <param name="FileName">The name it was sent with.</param>
/// <param name="Name">The name the case's files are fetched by (/api/applications/{reference}/attachments/{name}), once it is stored.</param>
public sealed record AttachedFile(AttachmentKind Kind, string FileName, string? Name = null);

public sealed record CriterionScore(string Code, int Score, string Comment)
{
    public const int Lowest = 0;
    public const int Highest = 5;
}

public enum DecisionOutcome
{
    Granted,
    PartlyGranted,
    Rejected,
}
