namespace Tilskudd.Workflow.Cases;

/// <summary>
/// What the case orchestration starts with: the facts of the submitted application that the
/// case needs to act on without reading storage. Instance id = <see cref="Reference"/>.
/// </summary>
public sealed record CaseStart(
    string Reference,
    string RoundId,
    string OrganisationNumber,
    string OrganisationName,
    long AmountAppliedFor,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<string> MailTo,
    IReadOnlyList<string> MailCopyTo);

/// <summary>The case's custom status: what the applicant and the caseworkers see of the running case.</summary>
public sealed record CaseStatus(string Status, string StatusText, bool ConfirmationSent, DateTimeOffset? NextDueAt);
