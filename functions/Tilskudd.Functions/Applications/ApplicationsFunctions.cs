using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Tilskudd.Api;
using Tilskudd.Api.Applications;
using Tilskudd.Api.Registers;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Functions.Applications;

/// <summary>
/// The application routes of <see cref="ApiRoutes"/> as HTTP-triggered functions, through the admission step to
/// <see cref="ApplicationsApi"/>; the engine's client comes from the Durable extension's binding.
/// </summary>
public sealed class ApplicationsFunctions(RouteAccess access, IntakeService intake, ApplicationStore applications, IOrganisationRegister register, IOrganisationRoles roles, TimeProvider time)
{
    [Function(nameof(ApiRoutes.CheckApplication))]
    public Task<IResult> CheckApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.CheckApplication)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.CheckApplication, new(RoundId: id), caller => ApplicationCheck.CheckApplication(caller, request, time, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.SubmitApplication))]
    public Task<IResult> SubmitApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.SubmitApplication)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.SubmitApplication, new(RoundId: id), caller => ApplicationsApi.SubmitApplication(caller, request, intake, engine, time, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetOrganisation))]
    public Task<IResult> GetOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetOrganisation)] HttpRequest request, string number, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetOrganisation, new(), caller => RegistersApi.GetOrganisation(number, register, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetImpartialityCheck))]
    public Task<IResult> GetImpartialityCheck(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetImpartialityCheck)] HttpRequest request, string reference, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetImpartialityCheck, new(Reference: reference), caller => RegistersApi.GetImpartialityCheck(caller, roles, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.ListMyApplications))]
    public Task<IResult> ListMyApplications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.ListMyApplications)] HttpRequest request, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ListMyApplications, new(), caller => ApplicationsApi.ListMyApplications(caller, applications, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetApplication))]
    public Task<IResult> GetApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetApplication)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetApplication, new(Reference: reference), caller => ApplicationsApi.GetApplication(caller, request, engine, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.EraseApplication))]
    public Task<IResult> EraseApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.EraseApplication)] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.EraseApplication, new(Reference: reference), caller => Erasure.EraseApplication(caller, request, engine, cancellationToken), cancellationToken);
}
