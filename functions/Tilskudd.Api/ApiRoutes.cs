using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tilskudd.Api.Applications;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Exports;
using Tilskudd.Api.Letters;
using Tilskudd.Api.Payouts;
using Tilskudd.Api.Registers;
using Tilskudd.Api.Rounds;
using Tilskudd.Domain.People;

namespace Tilskudd.Api;

/// <summary>
/// Every route pattern of the product, once, as constants: the local host maps them (through <see cref="ApiRoutes"/>)
/// and the Functions host's triggers take their Route from them. No leading "/": host.json's routePrefix is empty.
/// </summary>
public static class RoutePatterns
{
    // Rounds and applications
    public const string ListRounds = "api/rounds";
    public const string GetRound = "api/rounds/{id}";
    public const string OpenRound = "api/rounds";
    public const string SubmitApplication = "api/rounds/{id}/applications";
    public const string CheckApplication = "api/rounds/{id}/applications/validation";
    public const string GetOrganisation = "api/organisations/{number}";
    public const string ListMyApplications = "api/applications";
    public const string GetApplication = "api/applications/{reference}";

    // The organisation's commands on its case.
    public const string SubmitInformation = "api/applications/{reference}/information";
    public const string AcceptTerms = "api/applications/{reference}/acceptance";
    public const string DeclineTerms = "api/applications/{reference}/declination";
    public const string WithdrawApplication = "api/applications/{reference}/withdrawal";
    public const string RequestChange = "api/applications/{reference}/change-requests";
    public const string SubmitReport = "api/applications/{reference}/report";
    public const string AppealDecision = "api/applications/{reference}/appeal";

    // Caseworkers' and decision makers' commands.
    public const string StartReview = "api/applications/{reference}/review";
    public const string RequestInformation = "api/applications/{reference}/information-requests";
    public const string AssessApplication = "api/applications/{reference}/assessment";
    public const string MakeDecision = "api/applications/{reference}/decision";
    public const string AnswerChangeRequest = "api/applications/{reference}/change-requests/consent";
    public const string ReviewReport = "api/applications/{reference}/report/approval";
    public const string RegisterRepayment = "api/applications/{reference}/repayment";
    public const string ResolveAppeal = "api/applications/{reference}/appeal/resolution";
    public const string AdmitLateAppeal = "api/applications/{reference}/appeal/late-admission";
    public const string RecommendOnAppeal = "api/applications/{reference}/appeal/recommendation";
    public const string RegisterAppealBodyDecision = "api/applications/{reference}/appeal/appeal-body-decision";
    public const string DeclareImpartiality = "api/applications/{reference}/impartiality";
    public const string GetImpartialityCheck = "api/applications/{reference}/impartiality/check";

    // Reading cases.
    public const string ListCases = "api/rounds/{id}/applications";
    public const string GetBudget = "api/rounds/{id}/budget";
    public const string ListCaseEvents = "api/applications/{reference}/events";
    public const string GetCommandOutcome = "api/applications/{reference}/commands/{commandId}";
    public const string GetDecisionMeeting = "api/rounds/{id}/decision-meeting";
    public const string GetAttachmentLink = "api/applications/{reference}/attachments/{name}";

    // Registers, letters, payouts and exports (issue 17).
    public const string ListLetters = "api/applications/{reference}/letters";
    public const string GetLetter = "api/applications/{reference}/letters/{file}";
    public const string GetPaymentFile = "api/kommuner/{kommune}/payouts/{day}";
    public const string ImportPaymentConfirmation = "api/kommuner/{kommune}/payouts/confirmations";
    public const string ExportRound = "api/rounds/{id}/exports/{export}";
    public const string GetImdiFigures = "api/rounds/{id}/imdi";
    public const string GetRoundStatistics = "api/rounds/{id}/statistics";
    public const string GetOpenData = "api/rounds/{id}/open-data";

    // The administrator's.
    public const string EraseApplication = "api/applications/{reference}/erasure";
}

/// <summary>Everything a route is: its name, method and pattern, who may call it, as whom the caller acts, its handler, and what the OpenAPI document says of it.</summary>
/// <param name="Name">The endpoint's name, and the name of its Azure Function.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Pattern">Route pattern from the site root ("/" + a <see cref="RoutePatterns"/> constant).</param>
/// <param name="Access">Who may use it: the admission step (<see cref="Security.RouteAccess"/>) checks it before the handler runs.</param>
/// <param name="Handler">The handler: it gets an admitted caller (<see cref="Security.Admitted"/>) and does its work.</param>
/// <param name="Tag">The OpenAPI document's group.</param>
/// <param name="Summary">The OpenAPI document's one line, in Norwegian.</param>
public sealed record ApiRoute(string Name, string Method, string Pattern, Access Access, Delegate Handler, string Tag, string Summary)
{
    /// <summary>As whom a signed-in caller acts on the case (<see cref="CaseAccess.ActorOnTheCase"/>).</summary>
    public ActingAs ActingAs { get; init; } = ActingAs.TheirRole;

    /// <summary>The shape of the 200 answer in the OpenAPI document (a named record); null for none or a file.</summary>
    public Type? Answer { get; init; }

    /// <summary>The content types of a file answer (a PDF, a spreadsheet, a payment file).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>What the local host adds to the endpoint beyond the table: request bodies in the document, antiforgery off for forms.</summary>
    public Func<RouteHandlerBuilder, RouteHandlerBuilder>? Describe { get; init; }
}

/// <summary>
/// The route table: every HTTP route of the product, once. Tilskudd.Local maps it in one loop through one admission
/// step (<see cref="TilskuddApi.MapTilskudd"/>); Tilskudd.Functions has one HTTP-triggered function per route, named
/// after it, with its Route from <see cref="RoutePatterns"/> (checked by test against functions.metadata).
/// </summary>
public static class ApiRoutes
{
    // Rounds and applications
    public static readonly ApiRoute ListRounds = new(nameof(ListRounds), "GET", "/" + RoutePatterns.ListRounds, Access.Anyone, RoundsApi.ListRounds, "Tilskuddsrunder", "Alle tilskuddsrunder, åpne og stengte");
    public static readonly ApiRoute GetRound = new(nameof(GetRound), "GET", "/" + RoutePatterns.GetRound, Access.Anyone, RoundsApi.GetRound, "Tilskuddsrunder", "En tilskuddsrunde: frister, delmål, kriterier og beløpsgrenser");
    public static readonly ApiRoute OpenRound = new(nameof(OpenRound), "POST", "/" + RoutePatterns.OpenRound, Access.Administrator, RoundsApi.OpenRound, "Administrasjon", "Åpne en ordnings runde for et tilskuddsår");
    public static readonly ApiRoute SubmitApplication = new(nameof(SubmitApplication), "POST", "/" + RoutePatterns.SubmitApplication, Access.Applicant, ApplicationsApi.SubmitApplication, "Søknader", "Send en søknad (multipart/form-data: application og vedleggene)") { Describe = b => b.DisableAntiforgery() };
    public static readonly ApiRoute CheckApplication = new(nameof(CheckApplication), "POST", "/" + RoutePatterns.CheckApplication, Access.Applicant, ApplicationCheck.CheckApplication, "Søknader", "Sjekk et søknadsutkast mot rundens regler uten å sende det");
    public static readonly ApiRoute GetOrganisation = new(nameof(GetOrganisation), "GET", "/" + RoutePatterns.GetOrganisation, Access.Applicant, RegistersApi.GetOrganisation, "Søknader", "Organisasjonen i Enhetsregisteret, for å fylle ut navnet");
    public static readonly ApiRoute ListMyApplications = new(nameof(ListMyApplications), "GET", "/" + RoutePatterns.ListMyApplications, Access.Applicant, ApplicationsApi.ListMyApplications, "Søknader", "Mine søknader: organisasjonens, eller de du har sendt selv") { Answer = typeof(ApplicationList) };
    public static readonly ApiRoute GetApplication = new(nameof(GetApplication), "GET", "/" + RoutePatterns.GetApplication, Access.CaseParty, ApplicationsApi.GetApplication, "Søknader", "Søknaden og sakens status");

    // The organisation's commands on its case.
    public static readonly ApiRoute SubmitInformation = new(nameof(SubmitInformation), "POST", "/" + RoutePatterns.SubmitInformation, Access.CaseApplicant, CasesApi.SubmitInformation, RouteDescriptions.Applicant, "Svar på spørsmål (mangelbrev): feltet answer og filer") { Describe = b => b.Documents<RouteDescriptions.MultipartBody>(RouteDescriptions.Multipart).DisableAntiforgery() };
    public static readonly ApiRoute AcceptTerms = new(nameof(AcceptTerms), "POST", "/" + RoutePatterns.AcceptTerms, Access.CaseApplicant, CasesApi.AcceptTerms, RouteDescriptions.Applicant, "Aksepter vilkårene i tilskuddsbrevet");
    public static readonly ApiRoute DeclineTerms = new(nameof(DeclineTerms), "POST", "/" + RoutePatterns.DeclineTerms, Access.CaseApplicant, CasesApi.DeclineTerms, RouteDescriptions.Applicant, "Takk nei til tilskuddet") { Describe = b => b.Documents<ReasonBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute WithdrawApplication = new(nameof(WithdrawApplication), "POST", "/" + RoutePatterns.WithdrawApplication, Access.CaseApplicant, CasesApi.WithdrawApplication, RouteDescriptions.Applicant, "Trekk søknaden") { Describe = b => b.Documents<ReasonBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute RequestChange = new(nameof(RequestChange), "POST", "/" + RoutePatterns.RequestChange, Access.CaseApplicant, CasesApi.RequestChange, RouteDescriptions.Applicant, "Søk om å endre grunnlaget for tilskuddet") { Describe = b => b.Documents<ChangeRequestBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute SubmitReport = new(nameof(SubmitReport), "POST", "/" + RoutePatterns.SubmitReport, Access.CaseApplicant, CasesApi.SubmitReport, RouteDescriptions.Applicant, "Send rapport og regnskap: amountUsed og filene report og accounts (begge påkrevd) og auditorsStatement (revisorberetning, fra rundens revisjonsgrense)") { Describe = b => b.Documents<RouteDescriptions.MultipartBody>(RouteDescriptions.Multipart).DisableAntiforgery() };
    public static readonly ApiRoute AppealDecision = new(nameof(AppealDecision), "POST", "/" + RoutePatterns.AppealDecision, Access.CaseApplicant, CasesApi.AppealDecision, RouteDescriptions.Applicant, "Klag på vedtaket") { Describe = b => b.Documents<AppealBody>(RouteDescriptions.Json) };

    // Caseworkers' and decision makers' commands.
    public static readonly ApiRoute StartReview = new(nameof(StartReview), "POST", "/" + RoutePatterns.StartReview, Access.Officer, CasesApi.StartReview, RouteDescriptions.Caseworker, "Start behandlingen (etter søknadsfristen)");
    public static readonly ApiRoute RequestInformation = new(nameof(RequestInformation), "POST", "/" + RoutePatterns.RequestInformation, Access.Officer, CasesApi.RequestInformation, RouteDescriptions.Caseworker, "Be søkeren om mer informasjon") { Describe = b => b.Documents<InformationRequestBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute AssessApplication = new(nameof(AssessApplication), "POST", "/" + RoutePatterns.AssessApplication, Access.Officer, CasesApi.AssessApplication, RouteDescriptions.Caseworker, "Vurder søknaden og gi innstilling") { Describe = b => b.Documents<AssessmentBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute MakeDecision = new(nameof(MakeDecision), "POST", "/" + RoutePatterns.MakeDecision, Access.Officer, CasesApi.MakeDecision, RouteDescriptions.Caseworker, "Fatt vedtak (beslutter)") { ActingAs = ActingAs.DecisionMaker, Describe = b => b.Documents<DecisionBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute AnswerChangeRequest = new(nameof(AnswerChangeRequest), "POST", "/" + RoutePatterns.AnswerChangeRequest, Access.Officer, CasesApi.AnswerChangeRequest, RouteDescriptions.Caseworker, "Svar på endringssøknaden som venter") { Describe = b => b.Documents<ConsentBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute ReviewReport = new(nameof(ReviewReport), "POST", "/" + RoutePatterns.ReviewReport, Access.Officer, CasesApi.ReviewReport, RouteDescriptions.Caseworker, "Behandle rapporten: godkjenn, eller krev tilbake det som ikke er brukt") { Describe = b => b.Documents<ReportApprovalBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute RegisterRepayment = new(nameof(RegisterRepayment), "POST", "/" + RoutePatterns.RegisterRepayment, Access.Officer, CasesApi.RegisterRepayment, RouteDescriptions.Caseworker, "Registrer tilbakebetalingen") { Describe = b => b.Documents<RepaymentBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute ResolveAppeal = new(nameof(ResolveAppeal), "POST", "/" + RoutePatterns.ResolveAppeal, Access.Officer, CasesApi.ResolveAppeal, RouteDescriptions.Caseworker, "Avgjør klagen (beslutter): endre vedtaket, eller oppretthold det og send klagen til klageinstansen") { ActingAs = ActingAs.DecisionMaker, Describe = b => b.Documents<AppealResolutionBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute AdmitLateAppeal = new(nameof(AdmitLateAppeal), "POST", "/" + RoutePatterns.AdmitLateAppeal, Access.Officer, CasesApi.AdmitLateAppeal, RouteDescriptions.Caseworker, "Ta en for sen klage under behandling, med grunnen (forvaltningsloven § 31)") { Describe = b => b.Documents<LateAppealBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute RecommendOnAppeal = new(nameof(RecommendOnAppeal), "POST", "/" + RoutePatterns.RecommendOnAppeal, Access.Officer, CasesApi.RecommendOnAppeal, RouteDescriptions.Caseworker, "Forbered klagen: saksbehandlers innstilling til beslutter") { Describe = b => b.Documents<AppealRecommendationBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute RegisterAppealBodyDecision = new(nameof(RegisterAppealBodyDecision), "POST", "/" + RoutePatterns.RegisterAppealBodyDecision, Access.Officer, CasesApi.RegisterAppealBodyDecision, RouteDescriptions.Caseworker, "Registrer klageinstansens endelige vedtak (dato, brev, utfall)") { Describe = b => b.Documents<AppealBodyDecisionBody>(RouteDescriptions.Json) };
    public static readonly ApiRoute GetImpartialityCheck = new(nameof(GetImpartialityCheck), "GET", "/" + RoutePatterns.GetImpartialityCheck, Access.Officer, RegistersApi.GetImpartialityCheck, RouteDescriptions.Reading, "Habilitet: organisasjonens roller i Enhetsregisteret med ditt navn (forvaltningsloven § 6)") { Answer = typeof(ImpartialityCheck) };
    public static readonly ApiRoute DeclareImpartiality = new(nameof(DeclareImpartiality), "POST", "/" + RoutePatterns.DeclareImpartiality, Access.Officer, CasesApi.DeclareImpartiality, RouteDescriptions.Caseworker, "Erklær deg habil eller inhabil i saken (forvaltningsloven § 6)") { Describe = b => b.Documents<ImpartialityBody>(RouteDescriptions.Json) };

    // Reading cases.
    public static readonly ApiRoute ListCases = new(nameof(ListCases), "GET", "/" + RoutePatterns.ListCases, Access.Officer, CaseReads.ListCases, RouteDescriptions.Reading, "Rundens saker, etter status, 50 om gangen (continuationToken)") { Answer = typeof(CaseList) };
    public static readonly ApiRoute GetBudget = new(nameof(GetBudget), "GET", "/" + RoutePatterns.GetBudget, Access.Officer, CaseReads.GetBudget, RouteDescriptions.Reading, "Rammen: pott, innvilget, igjen") { Answer = typeof(Budget) };
    public static readonly ApiRoute ListCaseEvents = new(nameof(ListCaseEvents), "GET", "/" + RoutePatterns.ListCaseEvents, Access.CaseParty, CaseReads.ListCaseEvents, RouteDescriptions.Reading, "Sakens historikk: hva, hvem, når") { Answer = typeof(CaseHistory) };
    public static readonly ApiRoute GetCommandOutcome = new(nameof(GetCommandOutcome), "GET", "/" + RoutePatterns.GetCommandOutcome, Access.CaseParty, CaseReads.GetCommandOutcome, RouteDescriptions.Reading, "Utfallet av en kommando") { Answer = typeof(CommandAnswer) };
    public static readonly ApiRoute GetDecisionMeeting = new(nameof(GetDecisionMeeting), "GET", "/" + RoutePatterns.GetDecisionMeeting, Access.Officer, DecisionMeeting.GetDecisionMeeting, RouteDescriptions.Reading, "Vedtaksmøtet: innstilte saker med beløp mot rammen; ?format=xlsx gir regnearket") { Answer = typeof(Meeting) };
    public static readonly ApiRoute GetAttachmentLink = new(nameof(GetAttachmentLink), "GET", "/" + RoutePatterns.GetAttachmentLink, Access.CaseParty, CaseReads.GetAttachmentLink, RouteDescriptions.Reading, "Lenke til et vedlegg, gyldig i fem minutter") { Answer = typeof(AttachmentLinkAnswer) };

    // Registers, letters, payouts and exports (issue 17).
    public static readonly ApiRoute ListLetters = new(nameof(ListLetters), "GET", "/" + RoutePatterns.ListLetters, Access.CaseParty, LettersApi.ListLetters, "Brev", "Sakens brev");
    public static readonly ApiRoute GetLetter = new(nameof(GetLetter), "GET", "/" + RoutePatterns.GetLetter, Access.CaseParty, LettersApi.GetLetter, "Brev", "Ett brev som PDF") { Files = ["application/pdf"] };
    public static readonly ApiRoute GetPaymentFile = new(nameof(GetPaymentFile), "GET", "/" + RoutePatterns.GetPaymentFile, Access.Officer, PayoutsApi.GetPaymentFile, "Utbetalinger", "Betalingsfilen for en dag (pain.001 eller CSV)") { Files = ["application/xml", "text/csv"] };
    public static readonly ApiRoute ImportPaymentConfirmation = new(nameof(ImportPaymentConfirmation), "POST", "/" + RoutePatterns.ImportPaymentConfirmation, Access.Officer, PayoutsApi.ImportPaymentConfirmation, "Utbetalinger", "Les inn bankens bekreftelse på utbetalinger") { Describe = b => b.DisableAntiforgery() };
    public static readonly ApiRoute ExportRound = new(nameof(ExportRound), "GET", "/" + RoutePatterns.ExportRound, Access.Officer, ExportsApi.ExportRound, "Rapporter og eksport", "Eksport av runden (regneark)") { Files = [DecisionMeeting.SpreadsheetType, "text/csv"] };
    public static readonly ApiRoute GetImdiFigures = new(nameof(GetImdiFigures), "GET", "/" + RoutePatterns.GetImdiFigures, Access.Officer, ExportsApi.GetImdiFigures, "Rapporter og eksport", "Tallene IMDi ber om for runden");
    public static readonly ApiRoute GetRoundStatistics = new(nameof(GetRoundStatistics), "GET", "/" + RoutePatterns.GetRoundStatistics, Access.Officer, ExportsApi.GetRoundStatistics, "Rapporter og eksport", "Rundens statistikk");
    public static readonly ApiRoute GetOpenData = new(nameof(GetOpenData), "GET", "/" + RoutePatterns.GetOpenData, Access.Anyone, ExportsApi.GetOpenData, "Rapporter og eksport", "Åpne data om runden: tildelinger uten personopplysninger");

    // The administrator's.
    public static readonly ApiRoute EraseApplication = new(nameof(EraseApplication), "POST", "/" + RoutePatterns.EraseApplication, Access.Administrator, Erasure.EraseApplication, "Administrasjon", "Slett søknadens personopplysninger (sletting etter arkivloven og GDPR)");

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        ListRounds, GetRound, OpenRound, SubmitApplication, CheckApplication, GetOrganisation, ListMyApplications, GetApplication,
        SubmitInformation, AcceptTerms, DeclineTerms, WithdrawApplication, RequestChange, SubmitReport, AppealDecision,
        StartReview, RequestInformation, AssessApplication, MakeDecision, AnswerChangeRequest, ReviewReport, RegisterRepayment, ResolveAppeal,
        AdmitLateAppeal, RecommendOnAppeal, RegisterAppealBodyDecision, DeclareImpartiality, GetImpartialityCheck,
        ListCases, GetBudget, ListCaseEvents, GetCommandOutcome, GetAttachmentLink, GetDecisionMeeting,
        ListLetters, GetLetter, GetPaymentFile, ImportPaymentConfirmation, ExportRound, GetImdiFigures, GetRoundStatistics, GetOpenData,
        EraseApplication,
    ];
}
