using Tilskudd.Api.Security;

namespace Tilskudd.Api;

/// <param name="Name">The endpoint's name, and the name of its Azure Function.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Pattern">Route pattern from the site root.</param>
/// <param name="Access">Who may use it (<see cref="RouteAccess"/> checks it in every handler).</param>
public sealed record ApiRoute(string Name, string Method, string Pattern, Access Access);

/// <summary>
/// Every HTTP route of the product, once. Both hosts map exactly these: Tilskudd.Local as
/// minimal API endpoints, Tilskudd.Functions as one HTTP-triggered function each (checked by test).
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute ListRounds = new(nameof(ListRounds), "GET", "/api/rounds", Access.Anyone);
    public static readonly ApiRoute GetRound = new(nameof(GetRound), "GET", "/api/rounds/{id}", Access.Anyone);
    public static readonly ApiRoute OpenRound = new(nameof(OpenRound), "POST", "/api/rounds", Access.Administrator);
    public static readonly ApiRoute SubmitApplication = new(nameof(SubmitApplication), "POST", "/api/rounds/{id}/applications", Access.Applicant);
    public static readonly ApiRoute CheckApplication = new(nameof(CheckApplication), "POST", "/api/rounds/{id}/applications/validation", Access.Applicant);
    public static readonly ApiRoute GetOrganisation = new(nameof(GetOrganisation), "GET", "/api/organisations/{number}", Access.Applicant);
    public static readonly ApiRoute ListMyApplications = new(nameof(ListMyApplications), "GET", "/api/applications", Access.Applicant);
    public static readonly ApiRoute GetApplication = new(nameof(GetApplication), "GET", "/api/applications/{reference}", Access.CaseParty);

    // The organisation's commands on its case.
    public static readonly ApiRoute SubmitInformation = new(nameof(SubmitInformation), "POST", "/api/applications/{reference}/information", Access.CaseApplicant);
    public static readonly ApiRoute AcceptTerms = new(nameof(AcceptTerms), "POST", "/api/applications/{reference}/acceptance", Access.CaseApplicant);
    public static readonly ApiRoute DeclineTerms = new(nameof(DeclineTerms), "POST", "/api/applications/{reference}/declination", Access.CaseApplicant);
    public static readonly ApiRoute WithdrawApplication = new(nameof(WithdrawApplication), "POST", "/api/applications/{reference}/withdrawal", Access.CaseApplicant);
    public static readonly ApiRoute RequestChange = new(nameof(RequestChange), "POST", "/api/applications/{reference}/change-requests", Access.CaseApplicant);
    public static readonly ApiRoute SubmitReport = new(nameof(SubmitReport), "POST", "/api/applications/{reference}/report", Access.CaseApplicant);
    public static readonly ApiRoute AppealDecision = new(nameof(AppealDecision), "POST", "/api/applications/{reference}/appeal", Access.CaseApplicant);

    // Caseworkers' and decision makers' commands.
    public static readonly ApiRoute StartReview = new(nameof(StartReview), "POST", "/api/applications/{reference}/review", Access.Officer);
    public static readonly ApiRoute RequestInformation = new(nameof(RequestInformation), "POST", "/api/applications/{reference}/information-requests", Access.Officer);
    public static readonly ApiRoute AssessApplication = new(nameof(AssessApplication), "POST", "/api/applications/{reference}/assessment", Access.Officer);
    public static readonly ApiRoute MakeDecision = new(nameof(MakeDecision), "POST", "/api/applications/{reference}/decision", Access.Officer);
    public static readonly ApiRoute AnswerChangeRequest = new(nameof(AnswerChangeRequest), "POST", "/api/applications/{reference}/change-requests/consent", Access.Officer);
    public static readonly ApiRoute ReviewReport = new(nameof(ReviewReport), "POST", "/api/applications/{reference}/report/approval", Access.Officer);
    public static readonly ApiRoute RegisterRepayment = new(nameof(RegisterRepayment), "POST", "/api/applications/{reference}/repayment", Access.Officer);
    public static readonly ApiRoute ResolveAppeal = new(nameof(ResolveAppeal), "POST", "/api/applications/{reference}/appeal/resolution", Access.Officer);

    // Reading cases.
    public static readonly ApiRoute ListCases = new(nameof(ListCases), "GET", "/api/rounds/{id}/applications", Access.Officer);
    public static readonly ApiRoute GetBudget = new(nameof(GetBudget), "GET", "/api/rounds/{id}/budget", Access.Officer);
    public static readonly ApiRoute ListCaseEvents = new(nameof(ListCaseEvents), "GET", "/api/applications/{reference}/events", Access.CaseParty);
    public static readonly ApiRoute GetCommandOutcome = new(nameof(GetCommandOutcome), "GET", "/api/applications/{reference}/commands/{commandId}", Access.CaseParty);
    public static readonly ApiRoute GetDecisionMeeting = new(nameof(GetDecisionMeeting), "GET", "/api/rounds/{id}/decision-meeting", Access.Officer);
    public static readonly ApiRoute GetAttachmentLink = new(nameof(GetAttachmentLink), "GET", "/api/applications/{reference}/attachments/{name}", Access.CaseParty);

    // Registers, letters, payouts and exports (issue 17).
    public static readonly ApiRoute ListLetters = new(nameof(ListLetters), "GET", "/api/applications/{reference}/letters", Access.CaseParty);
    public static readonly ApiRoute GetLetter = new(nameof(GetLetter), "GET", "/api/applications/{reference}/letters/{file}", Access.CaseParty);

    public static readonly ApiRoute GetPaymentFile = new(nameof(GetPaymentFile), "GET", "/api/kommuner/{kommune}/payouts/{day}", Access.Officer);
    public static readonly ApiRoute ImportPaymentConfirmation = new(nameof(ImportPaymentConfirmation), "POST", "/api/kommuner/{kommune}/payouts/confirmations", Access.Officer);

    public static readonly ApiRoute ExportRound = new(nameof(ExportRound), "GET", "/api/rounds/{id}/exports/{export}", Access.Officer);
    public static readonly ApiRoute GetImdiFigures = new(nameof(GetImdiFigures), "GET", "/api/rounds/{id}/imdi", Access.Officer);
    public static readonly ApiRoute GetRoundStatistics = new(nameof(GetRoundStatistics), "GET", "/api/rounds/{id}/statistics", Access.Officer);
    public static readonly ApiRoute GetOpenData = new(nameof(GetOpenData), "GET", "/api/rounds/{id}/open-data", Access.Anyone);

    // The administrator's.
    public static readonly ApiRoute EraseApplication = new(nameof(EraseApplication), "POST", "/api/applications/{reference}/erasure", Access.Administrator);

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        ListRounds, GetRound, OpenRound, SubmitApplication, CheckApplication, GetOrganisation, ListMyApplications, GetApplication,
        SubmitInformation, AcceptTerms, DeclineTerms, WithdrawApplication, RequestChange, SubmitReport, AppealDecision,
        StartReview, RequestInformation, AssessApplication, MakeDecision, AnswerChangeRequest, ReviewReport, RegisterRepayment, ResolveAppeal,
        ListCases, GetBudget, ListCaseEvents, GetCommandOutcome, GetAttachmentLink, GetDecisionMeeting,
        ListLetters, GetLetter, GetPaymentFile, ImportPaymentConfirmation, ExportRound, GetImdiFigures, GetRoundStatistics, GetOpenData,
        EraseApplication,
    ];
}
