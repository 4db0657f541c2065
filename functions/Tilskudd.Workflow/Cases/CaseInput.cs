using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Workflow.Cases;

/// <summary>
/// The facts of the submitted application the case starts from. Instance id = <see cref="Reference"/>.
/// <see cref="MailTo"/> is the contact person; <see cref="MailCopyTo"/> the organisation's own address when
/// a private person applied (Oslo: "Når søknaden er sendt inn sendes det en kopi til organisasjonens meldingsboks").
/// </summary>
public sealed record CaseStart(
    string Reference,
    string RoundId,
    string OrganisationNumber,
    string OrganisationName,
    long AmountAppliedFor,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<string> MailTo,
    IReadOnlyList<string> MailCopyTo,
    ApplicationKind Kind = ApplicationKind.Project,
    IReadOnlyList<string>? Delmål = null,
    bool AtAsylumReception = false,
    string? ReceptionContact = null)
{
    /// <summary>The command that opens the case in the decider.</summary>
    public SubmitApplication ToCommand() => new(
        Actor.System("intake"), Reference, OrganisationNumber, OrganisationName, Kind, Delmål ?? [], AmountAppliedFor,
        MailTo.Count > 0 ? MailTo[0] : "", AtAsylumReception, ReceptionContact);
}

/// <summary>
/// The orchestration's input: the start facts, and after a ContinueAsNew the state carried over.
/// <see cref="ClockOffset"/> is the development clock's lead over real time (always zero in production).
/// </summary>
public sealed record CaseInput(
    CaseStart Start,
    CaseState? State = null,
    IReadOnlyList<CommandOutcome>? Recent = null,
    TimeSpan ClockOffset = default);

/// <summary>
/// What is raised to a case as its one external event: a command with its id (the same id twice is
/// one command), and/or the development clock's lead of the host that sent it. Every command carries its
/// host's lead, so a case that missed a clock move (its start was still queued) catches up with the first command.
/// </summary>
public sealed record CaseMessage(string Id, CaseCommand? Command, TimeSpan? ClockOffset = null)
{
    public const string EventName = "message";

    /// <summary>How far <paramref name="time"/> runs ahead of real time, in whole seconds: null in production, the development clock's lead locally.</summary>
    public static TimeSpan? LeadOf(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var lead = TimeSpan.FromSeconds(Math.Round((time.GetUtcNow() - TimeProvider.System.GetUtcNow()).TotalSeconds));
        return lead == TimeSpan.Zero ? null : lead;
    }
}

/// <summary>What became of a command: accepted, or refused with the rule's code, Norwegian reason and kind (null in outcomes published before kinds existed).</summary>
public sealed record CommandOutcome(string CommandId, string Command, bool Accepted, string? Code, string? Message, DomainErrorKind? Kind = null);

/// <summary>The case's custom status: its summary, whether the receipt is out, and the latest commands' outcomes.</summary>
public sealed record CaseProgress(CaseSummary? Summary, bool ConfirmationSent, IReadOnlyList<CommandOutcome> Recent);
