using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Tilskudd.Api.Cases;

/// <summary>The case routes of <see cref="ApiRoutes"/> mapped to their handlers, with what the OpenAPI document tells of each.</summary>
public static class CaseRoutes
{
    const string Applicant = "Søker";
    const string Caseworker = "Saksbehandler og beslutter";
    const string Reading = "Saker";
    const string Json = "application/json";
    const string Multipart = "multipart/form-data";

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        Command(app, ApiRoutes.SubmitInformation, CasesApi.SubmitInformation, Applicant, "Svar på spørsmål (mangelbrev): feltet answer og filer").Documents<MultipartBody>(Multipart).DisableAntiforgery();
        Command(app, ApiRoutes.AcceptTerms, CasesApi.AcceptTerms, Applicant, "Aksepter vilkårene i tilskuddsbrevet");
        Command(app, ApiRoutes.DeclineTerms, CasesApi.DeclineTerms, Applicant, "Takk nei til tilskuddet").Documents<ReasonBody>(Json);
        Command(app, ApiRoutes.WithdrawApplication, CasesApi.WithdrawApplication, Applicant, "Trekk søknaden").Documents<ReasonBody>(Json);
        Command(app, ApiRoutes.RequestChange, CasesApi.RequestChange, Applicant, "Søk om å endre grunnlaget for tilskuddet").Documents<ChangeRequestBody>(Json);
        Command(app, ApiRoutes.SubmitReport, CasesApi.SubmitReport, Applicant, "Send rapport og regnskap: amountUsed og filene report, accounts, auditorsStatement").Documents<MultipartBody>(Multipart).DisableAntiforgery();
        Command(app, ApiRoutes.AppealDecision, CasesApi.AppealDecision, Applicant, "Klag på vedtaket").Documents<AppealBody>(Json);

        Command(app, ApiRoutes.StartReview, CasesApi.StartReview, Caseworker, "Start behandlingen (etter søknadsfristen)");
        Command(app, ApiRoutes.RequestInformation, CasesApi.RequestInformation, Caseworker, "Be søkeren om mer informasjon").Documents<InformationRequestBody>(Json);
        Command(app, ApiRoutes.AssessApplication, CasesApi.AssessApplication, Caseworker, "Vurder søknaden og gi innstilling").Documents<AssessmentBody>(Json);
        Command(app, ApiRoutes.MakeDecision, CasesApi.MakeDecision, Caseworker, "Fatt vedtak (beslutter)").Documents<DecisionBody>(Json);
        Command(app, ApiRoutes.AnswerChangeRequest, CasesApi.AnswerChangeRequest, Caseworker, "Svar på endringssøknaden som venter").Documents<ConsentBody>(Json);
        Command(app, ApiRoutes.ReviewReport, CasesApi.ReviewReport, Caseworker, "Behandle rapporten: godkjenn, eller krev tilbake det som ikke er brukt").Documents<ReportApprovalBody>(Json);
        Command(app, ApiRoutes.RegisterRepayment, CasesApi.RegisterRepayment, Caseworker, "Registrer tilbakebetalingen").Documents<RepaymentBody>(Json);
        Command(app, ApiRoutes.ResolveAppeal, CasesApi.ResolveAppeal, Caseworker, "Behandle klagen: oppretthold eller endre vedtaket").Documents<AppealResolutionBody>(Json);

        TilskuddApi.Map(app, ApiRoutes.ListCases, CaseReads.ListCases).WithTags(Reading).WithSummary("Rundens saker, etter status, 50 om gangen (continuationToken)");
        TilskuddApi.Map(app, ApiRoutes.GetBudget, CaseReads.GetBudget).WithTags(Reading).WithSummary("Rammen: pott, innvilget, igjen");
        TilskuddApi.Map(app, ApiRoutes.ListCaseEvents, CaseReads.ListCaseEvents).WithTags(Reading).WithSummary("Sakens historikk: hva, hvem, når");
        TilskuddApi.Map(app, ApiRoutes.GetCommandOutcome, CaseReads.GetCommandOutcome).WithTags(Reading).WithSummary("Utfallet av en kommando");
        TilskuddApi.Map(app, ApiRoutes.GetAttachmentLink, CaseReads.GetAttachmentLink).WithTags(Reading).WithSummary("Lenke til et vedlegg, gyldig i fem minutter");
        TilskuddApi.Map(app, ApiRoutes.GetDecisionMeeting, DecisionMeeting.GetDecisionMeeting).WithTags(Reading)
            .WithSummary("Vedtaksmøtet: innstilte saker med beløp mot rammen; ?format=xlsx gir regnearket")
            .Produces(StatusCodes.Status200OK, contentType: DecisionMeeting.SpreadsheetType);
        return app;
    }

    /// <summary>
    /// The request body in the OpenAPI document only. Accepts&lt;T&gt;(contentType) would also make endpoint routing
    /// answer another content type with a bare 415 before the handler (and its sign-in check) runs, where the
    /// Functions host answers the handler's Norwegian 400.
    /// </summary>
    static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            });

    /// <summary>A multipart form's fields and files, as the OpenAPI document shows them.</summary>
    sealed record MultipartBody(string? Answer, long? AmountUsed, IFormFileCollection? Files);

    static RouteHandlerBuilder Command(IEndpointRouteBuilder app, ApiRoute route, Delegate handler, string tag, string summary) =>
        TilskuddApi.Map(app, route, handler)
            .WithTags(tag)
            .WithSummary(summary)
            .WithDescription(
                "Send Authorization: Bearer <token>; Idempotency-Key gjør kommandoen trygg å sende igjen. " +
                "200 med utfallet, 202 med Location mens saken behandler den; 400/403/409 problem+json med norsk tekst og code når den avvises.");
}
