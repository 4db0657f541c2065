namespace Tilskudd.Domain.Cases;

/// <summary>Statuses and outcomes as caseworkers and applicants read them.</summary>
public static class StatusNames
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.New => "ny",
        CaseStatus.Submitted => "mottatt",
        CaseStatus.WaitingForDeadline => "venter på søknadsfristen",
        CaseStatus.UnderReview => "under behandling",
        CaseStatus.AwaitingInformation => "venter på svar fra søker",
        CaseStatus.Assessed => "innstilt",
        CaseStatus.Decided => "vedtak fattet",
        CaseStatus.Rejected => "avslått",
        CaseStatus.AwaitingAcceptance => "venter på aksept av vilkår",
        CaseStatus.PayingOut => "utbetales",
        CaseStatus.ReportDue => "venter på rapport",
        CaseStatus.ReportReceived => "rapport mottatt",
        CaseStatus.RepaymentClaimed => "tilbakebetaling krevd",
        CaseStatus.AppealReceived => "klage mottatt",
        CaseStatus.AppealForwarded => "klage sendt klageinstansen",
        CaseStatus.Declined => "takket nei",
        CaseStatus.Lapsed => "bortfalt",
        CaseStatus.Withdrawn => "trukket",
        CaseStatus.Closed => "avsluttet",
        _ => status.ToString(),
    };

    public static string Of(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Granted => "innvilget",
        DecisionOutcome.PartlyGranted => "delvis innvilget",
        DecisionOutcome.Rejected => "avslått",
        _ => outcome.ToString(),
    };
}

/// <summary>Commands as the refusal text names them.</summary>
public static class CommandNames
{
    public static string Of(CaseCommand command) => command switch
    {
        SubmitApplication => "Å sende søknad",
        CheckEligibility => "Å kontrollere registeropplysninger",
        StartReview => "Å starte behandlingen",
        RequestInformation => "Å be om mer informasjon",
        SubmitInformation => "Å svare på spørsmål",
        Assess => "Å vurdere søknaden",
        MakeDecision => "Å fatte vedtak",
        AcceptTerms => "Å akseptere vilkårene",
        DeclineTerms => "Å takke nei",
        Withdraw => "Å trekke søknaden",
        RequestChange => "Å søke om endring",
        AnswerChangeRequest => "Å svare på endringssøknaden",
        SubmitReport => "Å sende rapport",
        ReviewReport => "Å behandle rapporten",
        RegisterRepayment => "Å registrere tilbakebetaling",
        Appeal => "Å klage",
        ReconsiderAppeal => "Å behandle klagen",
        AdmitLateAppeal => "Å ta en for sen klage under behandling",
        RecommendOnAppeal => "Å innstille i klagesaken",
        RegisterAppealBodyDecision => "Å registrere klageinstansens vedtak",
        DeclareImpartiality => "Å erklære habilitet",
        Tick => "Klokken",
        _ => command.GetType().Name,
    };
}
