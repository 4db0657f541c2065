namespace Tilskudd.Domain.Cases;

/// <summary>One arrow of the lifecycle: in <paramref name="From"/>, <paramref name="Trigger"/> (a command's name) may lead to <paramref name="To"/>.</summary>
public sealed record Transition(CaseStatus From, string Trigger, CaseStatus To, string Note);

/// <summary>
/// The lifecycle as a table: the only place that says which command a status takes. <see cref="CaseDecider.Decide"/>
/// refuses any command without a row for the case's status (the clock's <see cref="Tick"/> is always taken and does
/// what has fallen due), and docs/case-lifecycle.md is drawn from it by <see cref="CaseLifecycleDiagram"/>.
/// </summary>
public static class CaseTransitions
{
    static readonly CaseStatus[] BeforeAcceptance =
    [
        CaseStatus.Submitted, CaseStatus.WaitingForDeadline, CaseStatus.UnderReview, CaseStatus.AwaitingInformation,
        CaseStatus.Assessed, CaseStatus.Decided, CaseStatus.AwaitingAcceptance,
    ];

    /// <summary>A grant's letter is out: the appeal window runs beside acceptance, payouts and the report.</summary>
    static readonly CaseStatus[] Granted = [CaseStatus.AwaitingAcceptance, CaseStatus.PayingOut, CaseStatus.ReportDue];

    static readonly CaseStatus[] Appealed = [CaseStatus.AppealReceived, .. Granted];

    /// <summary>Every status a case is handled in, after the application and before the end.</summary>
    static readonly CaseStatus[] Open =
    [
        .. BeforeAcceptance, CaseStatus.Rejected, CaseStatus.PayingOut, CaseStatus.ReportDue, CaseStatus.ReportReceived,
        CaseStatus.RepaymentClaimed, CaseStatus.AppealReceived, CaseStatus.AppealForwarded,
    ];

    public static IReadOnlyList<Transition> All { get; } =
    [
        new(CaseStatus.New, nameof(SubmitApplication), CaseStatus.Submitted, "kvittering"),
        new(CaseStatus.Submitted, nameof(CheckEligibility), CaseStatus.WaitingForDeadline, "registeropplysninger"),
        new(CaseStatus.WaitingForDeadline, nameof(StartReview), CaseStatus.UnderReview, "etter søknadsfristen"),
        new(CaseStatus.UnderReview, nameof(RequestInformation), CaseStatus.AwaitingInformation, "mangelbrev"),
        new(CaseStatus.Assessed, nameof(RequestInformation), CaseStatus.AwaitingInformation, "mangelbrev"),
        new(CaseStatus.AwaitingInformation, nameof(SubmitInformation), CaseStatus.UnderReview, "svar"),
        new(CaseStatus.AwaitingInformation, nameof(Tick), CaseStatus.UnderReview, "svarfrist ute"),
        new(CaseStatus.UnderReview, nameof(Assess), CaseStatus.Assessed, "innstilling"),
        new(CaseStatus.Assessed, nameof(Assess), CaseStatus.Assessed, "ny innstilling"),
        new(CaseStatus.Assessed, nameof(MakeDecision), CaseStatus.Decided, "vedtak"),
        new(CaseStatus.Decided, nameof(Tick), CaseStatus.AwaitingAcceptance, "vedtaksbrev og tilskuddsbrev sendt"),
        new(CaseStatus.Decided, nameof(Tick), CaseStatus.Rejected, "avslag sendt"),
        new(CaseStatus.Rejected, nameof(Tick), CaseStatus.Closed, "klagefrist ute"),
        new(CaseStatus.Rejected, nameof(Appeal), CaseStatus.AppealReceived, "klage"),
        new(CaseStatus.Closed, nameof(Appeal), CaseStatus.AppealReceived, "klage (avvises når fristen er ute)"),
        new(CaseStatus.Rejected, nameof(AdmitLateAppeal), CaseStatus.AppealReceived, "for sen klage tatt under behandling"),
        .. Granted.Select(s => new Transition(s, nameof(Appeal), s, "klage; tilskuddet løper videre")),
        new(CaseStatus.Closed, nameof(AdmitLateAppeal), CaseStatus.AppealReceived, "for sen klage tatt under behandling"),
        .. Granted.Select(s => new Transition(s, nameof(AdmitLateAppeal), s, "for sen klage tatt under behandling")),
        .. Appealed.Select(s => new Transition(s, nameof(RecommendOnAppeal), s, "innstilling i klagesaken")),
        new(CaseStatus.AppealReceived, nameof(ReconsiderAppeal), CaseStatus.AppealForwarded, "avslag opprettholdt, sendt klageinstansen"),
        new(CaseStatus.AppealReceived, nameof(ReconsiderAppeal), CaseStatus.AwaitingAcceptance, "tilskudd opprettholdt (eldre saker)"),
        new(CaseStatus.AppealReceived, nameof(ReconsiderAppeal), CaseStatus.Decided, "vedtak endret"),
        .. Granted.Select(s => new Transition(s, nameof(ReconsiderAppeal), s, "opprettholdt, sendt klageinstansen")),
        new(CaseStatus.AwaitingAcceptance, nameof(ReconsiderAppeal), CaseStatus.Decided, "vedtak endret"),
        new(CaseStatus.PayingOut, nameof(ReconsiderAppeal), CaseStatus.PayingOut, "tilskudd endret"),
        new(CaseStatus.ReportDue, nameof(ReconsiderAppeal), CaseStatus.PayingOut, "tilskudd økt"),
        new(CaseStatus.AppealForwarded, nameof(RegisterAppealBodyDecision), CaseStatus.Closed, "klageinstansen opprettholdt avslaget"),
        new(CaseStatus.AppealForwarded, nameof(RegisterAppealBodyDecision), CaseStatus.Decided, "klageinstansen endret vedtaket"),
        .. Granted.Select(s => new Transition(s, nameof(RegisterAppealBodyDecision), s, "klageinstansens vedtak")),
        new(CaseStatus.ReportReceived, nameof(RegisterAppealBodyDecision), CaseStatus.ReportReceived, "klageinstansen opprettholdt"),
        new(CaseStatus.AwaitingAcceptance, nameof(RegisterAppealBodyDecision), CaseStatus.Decided, "klageinstansen endret vedtaket"),
        new(CaseStatus.PayingOut, nameof(RegisterAppealBodyDecision), CaseStatus.PayingOut, "klageinstansen endret tilskuddet"),
        new(CaseStatus.ReportDue, nameof(RegisterAppealBodyDecision), CaseStatus.PayingOut, "klageinstansen økte tilskuddet"),
        .. Open.Select(s => new Transition(s, nameof(DeclareImpartiality), s, "habilitetserklæring")),
        new(CaseStatus.AwaitingAcceptance, nameof(Tick), CaseStatus.AwaitingAcceptance, "påminnelse"),
        new(CaseStatus.AwaitingAcceptance, nameof(AcceptTerms), CaseStatus.PayingOut, "vilkår akseptert"),
        new(CaseStatus.AwaitingAcceptance, nameof(DeclineTerms), CaseStatus.Declined, "takket nei"),
        new(CaseStatus.AwaitingAcceptance, nameof(Tick), CaseStatus.Lapsed, "akseptfrist ute"),
        new(CaseStatus.PayingOut, nameof(Tick), CaseStatus.PayingOut, "utbetaling"),
        new(CaseStatus.PayingOut, nameof(Tick), CaseStatus.ReportDue, "siste utbetaling"),
        new(CaseStatus.PayingOut, nameof(RequestChange), CaseStatus.PayingOut, "endringssøknad"),
        new(CaseStatus.PayingOut, nameof(AnswerChangeRequest), CaseStatus.PayingOut, "samtykke eller nei"),
        new(CaseStatus.ReportDue, nameof(RequestChange), CaseStatus.ReportDue, "endringssøknad"),
        new(CaseStatus.ReportDue, nameof(AnswerChangeRequest), CaseStatus.ReportDue, "samtykke eller nei"),
        new(CaseStatus.ReportDue, nameof(Tick), CaseStatus.ReportDue, "påminnelse, purring"),
        new(CaseStatus.ReportDue, nameof(SubmitReport), CaseStatus.ReportReceived, "rapport og regnskap"),
        new(CaseStatus.ReportReceived, nameof(ReviewReport), CaseStatus.Closed, "godkjent"),
        new(CaseStatus.ReportReceived, nameof(ReviewReport), CaseStatus.RepaymentClaimed, "tilbakebetalingskrav"),
        new(CaseStatus.RepaymentClaimed, nameof(RegisterRepayment), CaseStatus.Closed, "innbetalt"),
        .. BeforeAcceptance.Select(s => new Transition(s, nameof(Withdraw), CaseStatus.Withdrawn, "trukket")),
    ];

    public static bool Takes(CaseStatus status, CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string name = command.GetType().Name;
        return command is Tick || All.Any(t => t.From == status && t.Trigger == name);
    }

    public static bool Allows(CaseStatus from, string trigger, CaseStatus to) =>
        from == to && trigger == nameof(Tick) || All.Any(t => t.From == from && t.Trigger == trigger && t.To == to);
}
