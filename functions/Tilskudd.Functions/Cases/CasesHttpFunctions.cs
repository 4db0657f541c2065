using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Tilskudd.Api;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Rounds;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Functions.Cases;

/// <summary>
/// The case routes of <see cref="ApiRoutes"/> (commands, listings, budget, audit trail, command outcomes) as
/// HTTP-triggered functions forwarding to <see cref="CasesApi"/> and <see cref="CaseReads"/>.
/// </summary>
public sealed class CasesHttpFunctions(
    CaseCommands commands, CaseFiles files, ApplicationStore applications, ICaseViews views, RoundDirectory rounds, StorageClients storage, PotLedger pots,
    AttachmentLinks links, TimeProvider time)
{
    [Function(nameof(ApiRoutes.SubmitInformation))]
    public Task<IResult> SubmitInformation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/information")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.SubmitInformation(reference, request, commands, files, engine, cancellationToken);

    [Function(nameof(ApiRoutes.AcceptTerms))]
    public Task<IResult> AcceptTerms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/acceptance")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.AcceptTerms(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.DeclineTerms))]
    public Task<IResult> DeclineTerms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/declination")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.DeclineTerms(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.WithdrawApplication))]
    public Task<IResult> WithdrawApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/withdrawal")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.WithdrawApplication(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.RequestChange))]
    public Task<IResult> RequestChange(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/change-requests")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.RequestChange(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.SubmitReport))]
    public Task<IResult> SubmitReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/report")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.SubmitReport(reference, request, commands, files, engine, cancellationToken);

    [Function(nameof(ApiRoutes.AppealDecision))]
    public Task<IResult> AppealDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/appeal")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.AppealDecision(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.StartReview))]
    public Task<IResult> StartReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/review")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.StartReview(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.RequestInformation))]
    public Task<IResult> RequestInformation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/information-requests")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.RequestInformation(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.AssessApplication))]
    public Task<IResult> AssessApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/assessment")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.AssessApplication(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.MakeDecision))]
    public Task<IResult> MakeDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/decision")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.MakeDecision(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.AnswerChangeRequest))]
    public Task<IResult> AnswerChangeRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/change-requests/consent")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.AnswerChangeRequest(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.ReviewReport))]
    public Task<IResult> ReviewReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/report/approval")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.ReviewReport(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.RegisterRepayment))]
    public Task<IResult> RegisterRepayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/repayment")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.RegisterRepayment(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.ResolveAppeal))]
    public Task<IResult> ResolveAppeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/appeal/resolution")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CasesApi.ResolveAppeal(reference, request, commands, engine, cancellationToken);

    [Function(nameof(ApiRoutes.ListCases))]
    public Task<IResult> ListCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/applications")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CaseReads.ListCases(id, request, rounds, storage, cancellationToken);

    [Function(nameof(ApiRoutes.GetBudget))]
    public Task<IResult> GetBudget(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/budget")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CaseReads.GetBudget(id, request, rounds, pots, cancellationToken);

    [Function(nameof(ApiRoutes.ListCaseEvents))]
    public Task<IResult> ListCaseEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{reference}/events")] HttpRequest request, string reference, CancellationToken cancellationToken) =>
        CaseReads.ListCaseEvents(reference, request, views, cancellationToken);

    [Function(nameof(ApiRoutes.GetCommandOutcome))]
    public static Task<IResult> GetCommandOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{reference}/commands/{commandId}")] HttpRequest request, string reference, string commandId,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        CaseReads.GetCommandOutcome(reference, commandId, request, engine, cancellationToken);

    [Function(nameof(ApiRoutes.GetAttachmentLink))]
    public Task<IResult> GetAttachmentLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{reference}/attachments/{name}")] HttpRequest request, string reference, string name,
        CancellationToken cancellationToken) =>
        CaseReads.GetAttachmentLink(reference, name, request, links, cancellationToken);

    [Function(nameof(ApiRoutes.GetDecisionMeeting))]
    public Task<IResult> GetDecisionMeeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/decision-meeting")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecisionMeeting.GetDecisionMeeting(id, request, rounds, storage, applications, views, pots, time, cancellationToken);
}
