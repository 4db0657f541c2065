namespace Tilskudd.Api;

/// <param name="Name">The endpoint's name, and the name of its Azure Function.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Pattern">Route pattern from the site root.</param>
public sealed record ApiRoute(string Name, string Method, string Pattern);

/// <summary>
/// Every HTTP route of the product, once. Both hosts map exactly these: Tilskudd.Local as
/// minimal API endpoints, Tilskudd.Functions as one HTTP-triggered function each (checked by test).
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute ListRounds = new(nameof(ListRounds), "GET", "/api/rounds");
    public static readonly ApiRoute GetRound = new(nameof(GetRound), "GET", "/api/rounds/{id}");
    public static readonly ApiRoute OpenRound = new(nameof(OpenRound), "POST", "/api/rounds");
    public static readonly ApiRoute SubmitApplication = new(nameof(SubmitApplication), "POST", "/api/rounds/{id}/applications");
    public static readonly ApiRoute CheckApplication = new(nameof(CheckApplication), "POST", "/api/rounds/{id}/applications/validation");
    public static readonly ApiRoute GetApplication = new(nameof(GetApplication), "GET", "/api/applications/{reference}");

    // The organisation's commands on its case.
    public static readonly ApiRoute SubmitInformation = new(nameof(SubmitInformation), "POST", "/api/applications/{reference}/information");
    public static readonly ApiRoute AcceptTerms = new(nameof(AcceptTerms), "POST", "/api/applications/{reference}/acceptance");
    public static readonly ApiRoute DeclineTerms = new(nameof(DeclineTerms), "POST", "/api/applications/{reference}/declination");
    public static readonly ApiRoute WithdrawApplication = new(nameof(WithdrawApplication), "POST", "/api/applications/{reference}/withdrawal");
    public static readonly ApiRoute RequestChange = new(nameof(RequestChange), "POST", "/api/applications/{reference}/change-requests");
    public static readonly ApiRoute SubmitReport = new(nameof(SubmitReport), "POST", "/api/applications/{reference}/report");
    public static readonly ApiRoute AppealDecision = new(nameof(AppealDecision), "POST", "/api/applications/{reference}/appeal");

    // Caseworkers' and decision makers' commands.
    public static readonly ApiRoute StartReview = new(nameof(StartReview), "POST", "/api/applications/{reference}/review");
    public static readonly ApiRoute RequestInformation = new(nameof(RequestInformation), "POST", "/api/applications/{reference}/information-requests");
    public static readonly ApiRoute AssessApplication = new(nameof(AssessApplication), "POST", "/api/applications/{reference}/assessment");
    public static readonly ApiRoute MakeDecision = new(nameof(MakeDecision), "POST", "/api/applications/{reference}/decision");
    public static readonly ApiRoute AnswerChangeRequest = new(nameof(AnswerChangeRequest), "POST", "/api/applications/{reference}/change-requests/consent");
    public static readonly ApiRoute ReviewReport = new(nameof(ReviewReport), "POST", "/api/applications/{reference}/report/approval");
    public static readonly ApiRoute RegisterRepayment = new(nameof(RegisterRepayment), "POST", "/api/applications/{reference}/repayment");
    public static readonly ApiRoute ResolveAppeal = new(nameof(ResolveAppeal), "POST", "/api/applications/{reference}/appeal/resolution");

    // Reading cases.
    public static readonly ApiRoute ListCases = new(nameof(ListCases), "GET", "/api/rounds/{id}/applications");
    public static readonly ApiRoute GetBudget = new(nameof(GetBudget), "GET", "/api/rounds/{id}/budget");
    public static readonly ApiRoute ListCaseEvents = new(nameof(ListCaseEvents), "GET", "/api/applications/{reference}/events");
    public static readonly ApiRoute GetCommandOutcome = new(nameof(GetCommandOutcome), "GET", "/api/applications/{reference}/commands/{commandId}");
    public static readonly ApiRoute GetDecisionMeeting = new(nameof(GetDecisionMeeting), "GET", "/api/rounds/{id}/decision-meeting");
    public static readonly ApiRoute GetAttachmentLink = new(nameof(GetAttachmentLink), "GET", "/api/applications/{reference}/attachments/{name}");

    // Registers, letters, payouts and exports (issue 17).
    public static readonly ApiRoute ListLetters = new(nameof(ListLetters), "GET", "/api/applications/{reference}/letters");
    public static readonly ApiRoute GetLetter = new(nameof(GetLetter), "GET", "/api/applications/{reference}/letters/{file}");

    public static readonly ApiRoute GetPaymentFile = new(nameof(GetPaymentFile), "GET", "/api/payouts/{day}");
    public static readonly ApiRoute ImportPaymentConfirmation = new(nameof(ImportPaymentConfirmation), "POST", "/api/payouts/confirmations");

    public static readonly ApiRoute ExportRound = new(nameof(ExportRound), "GET", "/api/rounds/{id}/exports/{export}");
    public static readonly ApiRoute GetImdiFigures = new(nameof(GetImdiFigures), "GET", "/api/rounds/{id}/imdi");
    public static readonly ApiRoute GetRoundStatistics = new(nameof(GetRoundStatistics), "GET", "/api/rounds/{id}/statistics");
    public static readonly ApiRoute GetOpenData = new(nameof(GetOpenData), "GET", "/api/rounds/{id}/open-data");

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        ListRounds, GetRound, OpenRound, SubmitApplication, CheckApplication, GetApplication,
        SubmitInformation, AcceptTerms, DeclineTerms, WithdrawApplication, RequestChange, SubmitReport, AppealDecision,
        StartReview, RequestInformation, AssessApplication, MakeDecision, AnswerChangeRequest, ReviewReport, RegisterRepayment, ResolveAppeal,
        ListCases, GetBudget, ListCaseEvents, GetCommandOutcome, GetAttachmentLink, GetDecisionMeeting,
        ListLetters, GetLetter, GetPaymentFile, ImportPaymentConfirmation, ExportRound, GetImdiFigures, GetRoundStatistics, GetOpenData,
    ];
}
