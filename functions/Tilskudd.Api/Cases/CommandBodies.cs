using Tilskudd.Domain.Cases;

namespace Tilskudd.Api.Cases;

// The JSON bodies of the case commands. Who sends a command comes from the sign-in (Security/SignIn),
// never from the body; the decider checks every value, so these only carry what was sent.

/// <summary>Declining the grant's terms, or withdrawing the application: an optional reason.</summary>
public sealed record ReasonBody(string? Reason = null);

/// <summary>What the organisation wants to change in what the grant is for (needs written consent first).</summary>
public sealed record ChangeRequestBody(string? Description = null);

/// <summary>Klage on the decision.</summary>
public sealed record AppealBody(string? Grounds = null);

/// <summary>Mangelbrev. <paramref name="ReplyBy"/> defaults to the round's reply days.</summary>
public sealed record InformationRequestBody(string? Question = null, DateOnly? ReplyBy = null);

/// <summary>The caseworker's assessment: one score (0–5) per criterion of the round, the round's exclusion codes that apply, the recommendation.</summary>
public sealed record AssessmentBody(
    IReadOnlyList<CriterionScore>? Scores = null,
    IReadOnlyList<string>? Exclusions = null,
    long RecommendedAmount = 0,
    string? Comment = null);

/// <summary>The decision maker's vedtak: granted, partlyGranted or rejected; the amount (ignored for a rejection); the reasons.</summary>
public sealed record DecisionBody(DecisionOutcome? Outcome = null, long Amount = 0, IReadOnlyList<string>? Reasons = null);

/// <summary>The caseworker's answer to the case's pending change request (a case has at most one).</summary>
public sealed record ConsentBody(bool? Consent = null, string? Comment = null);

/// <summary>The caseworker's review of the report: kroner accepted as used for the purpose; the rest is claimed back.</summary>
public sealed record ReportApprovalBody(long? AcceptedUse = null, string? Comment = null);

/// <summary>A repayment received, in kroner: the whole claim.</summary>
public sealed record RepaymentBody(long? Amount = null);

/// <summary>The decision maker's handling of an appeal: upheld (and sent to the klageinstans), or a changed decision.</summary>
public sealed record AppealResolutionBody(bool? Upheld = null, DecisionOutcome? NewOutcome = null, long NewAmount = 0, IReadOnlyList<string>? Reasons = null);

/// <summary>A late appeal the kommune takes under consideration all the same: the appeal's text and why (forvaltningsloven § 31).</summary>
public sealed record LateAppealBody(string? Grounds = null, string? Reason = null);

/// <summary>The caseworker's recommendation on an appeal: uphold (true) or change (false) the decision, and why.</summary>
public sealed record AppealRecommendationBody(bool? Uphold = null, string? Recommendation = null);

/// <summary>The klageinstans's final decision as its letter says: the date, the letter's reference, upheld or the changed decision.</summary>
public sealed record AppealBodyDecisionBody(
    DateOnly? DecidedOn = null,
    string? LetterReference = null,
    bool? Upheld = null,
    DecisionOutcome? NewOutcome = null,
    long NewAmount = 0,
    IReadOnlyList<string>? Reasons = null);

/// <summary>The officer's own declaration: disqualified (inhabil) or not, and why (forvaltningsloven § 6).</summary>
public sealed record ImpartialityBody(bool? Disqualified = null, string? Reason = null);
