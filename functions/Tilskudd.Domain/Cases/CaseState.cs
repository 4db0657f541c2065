using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// Everything the decider knows of one case, folded from its events by <see cref="CaseDecider.Evolve"/>.
/// Plain data that round-trips through System.Text.Json: the orchestration carries it over ContinueAsNew.
/// Every instant a timer waits for is here, so <see cref="CaseDecider.NextDueAt"/> needs nothing else.
/// </summary>
public sealed record CaseState
{
    public static CaseState Initial { get; } = new();

    public CaseStatus Status { get; init; } = CaseStatus.New;

    /// <summary>How many events the state is folded from; the sequence number of the last one.</summary>
    public int Version { get; init; }

    public string Reference { get; init; } = "";
    public string RoundId { get; init; } = "";
    public string OrganisationNumber { get; init; } = "";
    public string OrganisationName { get; init; } = "";
    public ApplicationKind Kind { get; init; }
    public IReadOnlyList<string> Delmål { get; init; } = [];
    public long AmountAppliedFor { get; init; }
    public string ContactEmail { get; init; } = "";
    public bool AtAsylumReception { get; init; }
    public string? ReceptionContact { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateOnly ApplicationDeadline { get; init; }
    public CasePolicy Policy { get; init; } = CasePolicy.Default;

    public DateTimeOffset? ReviewReminderDueAt { get; init; }
    public bool ReviewReminderSent { get; init; }

    /// <summary>The foreløpig svar has gone out; it is sent once.</summary>
    public bool InterimReplySent { get; init; }

    /// <summary>Null until eligibility is checked; then the reasons it fails (empty when eligible).</summary>
    public IReadOnlyList<string>? EligibilityFindings { get; init; }

    public InformationRequestState? OpenInformationRequest { get; init; }
    public AssessmentState? Assessment { get; init; }
    public DecisionState? Decision { get; init; }

    /// <summary>When the decided letter goes out (status <see cref="CaseStatus.Decided"/>).</summary>
    public DateTimeOffset? LetterDueAt { get; init; }
    public DateOnly? LetterSentOn { get; init; }
    public DateOnly? AppealDeadline { get; init; }

    /// <summary>The version of the terms the last grant letter stated (<see cref="Round.GrantTermsVersion"/>), the ones the organisation accepts.</summary>
    public string? GrantTermsVersion { get; init; }

    public DateOnly? AcceptanceDeadline { get; init; }
    public DateTimeOffset? AcceptanceReminderDueAt { get; init; }
    public bool AcceptanceReminderSent { get; init; }

    /// <summary>What this case holds on the round's pot ledger.</summary>
    public long Reserved { get; init; }

    public IReadOnlyList<Tranche> Tranches { get; init; } = [];

    public DateOnly? ReportDeadline { get; init; }
    public int ReportRemindersSent { get; init; }
    public int OverdueNoticesSent { get; init; }
    public DateTimeOffset? LastOverdueNoticeAt { get; init; }
    public bool CaseworkersToldReportOverdue { get; init; }
    public ReportState? Report { get; init; }
    public long RepaymentClaimed { get; init; }

    public string? PendingChange { get; init; }
    public AppealState? Appeal { get; init; }

    /// <summary>Officers' declarations of (dis)qualification, the latest per officer.</summary>
    public IReadOnlyList<ImpartialityState> Impartiality { get; init; } = [];

    /// <summary>True when the officer has declared themselves disqualified on this case.</summary>
    public bool IsDisqualified(Actor officer) =>
        officer is not null && Impartiality.Any(d => d.Disqualified && d.Officer.Id == officer.Id);
    public string? ClosedReason { get; init; }

    public long Granted => Decision is { Outcome: not DecisionOutcome.Rejected } d ? d.Amount : 0;

    /// <summary>
    /// The case once its personal data is erased after the retention period: the contact address, the reception's
    /// contact person and the free texts people wrote (question, change, appeal grounds, the assessment's comment,
    /// the reason for closing) are gone; what the statistics count (round, organisation, delmål, amounts, status,
    /// dates, scores) is kept.
    /// </summary>
    public CaseState WithoutPersonalData() => this with
    {
        ContactEmail = "",
        ReceptionContact = null,
        OpenInformationRequest = OpenInformationRequest is { } request ? request with { Question = "" } : null,
        Assessment = Assessment is { } assessment ? assessment with { Comment = "" } : null,
        PendingChange = PendingChange is null ? null : "",
        Appeal = Appeal is { } appeal ? appeal with { Grounds = "", Recommendation = appeal.Recommendation is { } r ? r with { Recommendation = "" } : null } : null,
        Impartiality = [.. Impartiality.Select(d => d with { Reason = "" })],
        ClosedReason = null,
    };

    public long PaidOut => Tranches.Where(t => t.Paid).Sum(t => t.Amount);
}

public sealed record InformationRequestState(string Question, DateOnly ReplyBy, DateTimeOffset RequestedAt);

public sealed record AssessmentState(IReadOnlyList<CriterionScore> Scores, IReadOnlyList<string> Exclusions, long RecommendedAmount, string Comment, Actor By, DateTimeOffset At);

/// <param name="Final">Made by the klageinstans: no further appeal (forvaltningsloven § 28).</param>
public sealed record DecisionState(DecisionOutcome Outcome, long Amount, IReadOnlyList<string> Reasons, Actor By, DateTimeOffset At, bool Final = false);

public sealed record ReportState(long AmountUsed, bool AuditorsStatementAttached, DateTimeOffset SubmittedAt);

/// <param name="StatusBefore">Where the case was when the appeal came.</param>
/// <param name="Upheld">Null until the decision maker has handled it; true: upheld and sent to the klageinstans; false: the decision was changed.</param>
/// <param name="AdmittedLateBecause">Why a late appeal was taken under consideration (forvaltningsloven § 31).</param>
/// <param name="Recommendation">The caseworker's preparation, before the decision maker handles it.</param>
/// <param name="AppealBodyDecidedOn">When the klageinstans decided a forwarded appeal; the appeal is over.</param>
public sealed record AppealState(
    string Grounds,
    DateTimeOffset ReceivedAt,
    CaseStatus StatusBefore,
    bool? Upheld = null,
    string? AdmittedLateBecause = null,
    AppealRecommendationState? Recommendation = null,
    DateOnly? AppealBodyDecidedOn = null,
    bool? AppealBodyUpheld = null)
{
    /// <summary>Still to be handled by the decision maker or, once upheld, by the klageinstans.</summary>
    public bool IsOpen => Upheld is null || (Upheld == true && AppealBodyDecidedOn is null);

    /// <summary>Upheld by the kommune and waiting for the klageinstans.</summary>
    public bool IsWithTheAppealBody => Upheld == true && AppealBodyDecidedOn is null;
}

public sealed record AppealRecommendationState(bool Uphold, string Recommendation, Actor By, DateTimeOffset At);

/// <summary>An officer's declaration on their impartiality in the case (forvaltningsloven § 6).</summary>
public sealed record ImpartialityState(Actor Officer, bool Disqualified, string Reason, DateTimeOffset At);

/// <summary>What listings and the orchestration's custom status show of a case; no personal data beyond the organisation.</summary>
public sealed record CaseSummary(
    string Reference,
    string RoundId,
    string OrganisationNumber,
    CaseStatus Status,
    long AmountAppliedFor,
    long Granted,
    long PaidOut,
    DateOnly? AppealDeadline,
    DateOnly? AcceptanceDeadline,
    DateOnly? ReportDeadline,
    DateTimeOffset? NextDueAt,
    int Version)
{
    public static CaseSummary Of(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            state.Reference,
            state.RoundId,
            state.OrganisationNumber,
            state.Status,
            state.AmountAppliedFor,
            state.Granted,
            state.PaidOut,
            state.AppealDeadline,
            state.AcceptanceDeadline,
            state.ReportDeadline,
            CaseDecider.NextDueAt(state),
            state.Version);
    }
}
