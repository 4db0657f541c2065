using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Tilskudd.Api;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Functions.Cases;

/// <summary>
/// The case routes of <see cref="ApiRoutes"/> (commands, listings, budget, audit trail, command outcomes) as
/// HTTP-triggered functions, through the admission step to <see cref="CasesApi"/> and <see cref="CaseReads"/>.
/// </summary>
public sealed class CasesHttpFunctions(
    RouteAccess access, CaseCommands commands, CaseFiles files, ApplicationStore applications, ICaseViews views, StorageClients storage, PotLedger pots,
    AttachmentLinks links, TimeProvider time)
{
    [Function(nameof(ApiRoutes.SubmitInformation))]
    public Task<IResult> SubmitInformation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.SubmitInformation)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.SubmitInformation, new(Reference: reference), caller => CasesApi.SubmitInformation(caller, request, commands, files, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.AcceptTerms))]
    public Task<IResult> AcceptTerms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.AcceptTerms)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.AcceptTerms, new(Reference: reference), caller => CasesApi.AcceptTerms(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.DeclineTerms))]
    public Task<IResult> DeclineTerms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.DeclineTerms)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.DeclineTerms, new(Reference: reference), caller => CasesApi.DeclineTerms(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.WithdrawApplication))]
    public Task<IResult> WithdrawApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.WithdrawApplication)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.WithdrawApplication, new(Reference: reference), caller => CasesApi.WithdrawApplication(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.RequestChange))]
    public Task<IResult> RequestChange(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.RequestChange)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.RequestChange, new(Reference: reference), caller => CasesApi.RequestChange(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.SubmitReport))]
    public Task<IResult> SubmitReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.SubmitReport)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.SubmitReport, new(Reference: reference), caller => CasesApi.SubmitReport(caller, request, commands, files, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.AppealDecision))]
    public Task<IResult> AppealDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.AppealDecision)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.AppealDecision, new(Reference: reference), caller => CasesApi.AppealDecision(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.StartReview))]
    public Task<IResult> StartReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.StartReview)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.StartReview, new(Reference: reference), caller => CasesApi.StartReview(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.RequestInformation))]
    public Task<IResult> RequestInformation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.RequestInformation)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.RequestInformation, new(Reference: reference), caller => CasesApi.RequestInformation(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.AssessApplication))]
    public Task<IResult> AssessApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.AssessApplication)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.AssessApplication, new(Reference: reference), caller => CasesApi.AssessApplication(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.MakeDecision))]
    public Task<IResult> MakeDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.MakeDecision)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.MakeDecision, new(Reference: reference), caller => CasesApi.MakeDecision(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.AnswerChangeRequest))]
    public Task<IResult> AnswerChangeRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.AnswerChangeRequest)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.AnswerChangeRequest, new(Reference: reference), caller => CasesApi.AnswerChangeRequest(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.ReviewReport))]
    public Task<IResult> ReviewReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.ReviewReport)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ReviewReport, new(Reference: reference), caller => CasesApi.ReviewReport(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.RegisterRepayment))]
    public Task<IResult> RegisterRepayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.RegisterRepayment)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.RegisterRepayment, new(Reference: reference), caller => CasesApi.RegisterRepayment(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.ResolveAppeal))]
    public Task<IResult> ResolveAppeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.ResolveAppeal)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ResolveAppeal, new(Reference: reference), caller => CasesApi.ResolveAppeal(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.AdmitLateAppeal))]
    public Task<IResult> AdmitLateAppeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.AdmitLateAppeal)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.AdmitLateAppeal, new(Reference: reference), caller => CasesApi.AdmitLateAppeal(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.RecommendOnAppeal))]
    public Task<IResult> RecommendOnAppeal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.RecommendOnAppeal)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.RecommendOnAppeal, new(Reference: reference), caller => CasesApi.RecommendOnAppeal(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.RegisterAppealBodyDecision))]
    public Task<IResult> RegisterAppealBodyDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.RegisterAppealBodyDecision)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.RegisterAppealBodyDecision, new(Reference: reference), caller => CasesApi.RegisterAppealBodyDecision(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.DeclareImpartiality))]
    public Task<IResult> DeclareImpartiality(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.DeclareImpartiality)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.DeclareImpartiality, new(Reference: reference), caller => CasesApi.DeclareImpartiality(caller, request, commands, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.ListCases))]
    public Task<IResult> ListCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.ListCases)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ListCases, new(RoundId: id), caller => CaseReads.ListCases(caller, request, storage, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetBudget))]
    public Task<IResult> GetBudget(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetBudget)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetBudget, new(RoundId: id), caller => CaseReads.GetBudget(caller, pots, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.ListCaseEvents))]
    public Task<IResult> ListCaseEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.ListCaseEvents)] HttpRequest request, string reference, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ListCaseEvents, new(Reference: reference), caller => CaseReads.ListCaseEvents(caller, request, views, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetCommandOutcome))]
    public Task<IResult> GetCommandOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetCommandOutcome)] HttpRequest request, string reference, string commandId,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetCommandOutcome, new(Reference: reference), caller => CaseReads.GetCommandOutcome(caller, commandId, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetAttachmentLink))]
    public Task<IResult> GetAttachmentLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetAttachmentLink)] HttpRequest request, string reference, string name, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetAttachmentLink, new(Reference: reference), caller => CaseReads.GetAttachmentLink(caller, name, request, links, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetDecisionMeeting))]
    public Task<IResult> GetDecisionMeeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetDecisionMeeting)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetDecisionMeeting, new(RoundId: id), caller => DecisionMeeting.GetDecisionMeeting(caller, request, storage, applications, views, pots, time, cancellationToken), cancellationToken);
}
