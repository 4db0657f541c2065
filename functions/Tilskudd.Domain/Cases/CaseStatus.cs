namespace Tilskudd.Domain.Cases;

/// <summary>Where a case is in its lifecycle. Which commands each status takes is <see cref="CaseTransitions"/>.</summary>
public enum CaseStatus
{
    /// <summary>No application yet: the state before <see cref="CaseSubmitted"/>.</summary>
    New,
    Submitted,
    WaitingForDeadline,
    UnderReview,
    AwaitingInformation,
    Assessed,

    /// <summary>The decision is made; its letter goes out at the next office hour.</summary>
    Decided,

    /// <summary>Rejection letter sent; the appeal window is open.</summary>
    Rejected,

    /// <summary>Grant letter sent; waiting for the organisation to accept its terms.</summary>
    AwaitingAcceptance,

    /// <summary>Terms accepted; tranches are being paid out.</summary>
    PayingOut,
    ReportDue,
    ReportReceived,
    RepaymentClaimed,
    AppealReceived,

    /// <summary>The caseworker upheld the decision and sent the appeal on to the appeal body (klageinstans) for final handling.</summary>
    AppealForwarded,
    Declined,
    Lapsed,
    Withdrawn,
    Closed,
}
