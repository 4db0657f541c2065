using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Tilskudd.Api;
using Tilskudd.Api.Applications;
using Tilskudd.Api.Registers;
using Tilskudd.Api.Rounds;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Functions.Applications;

/// <summary>
/// The application routes of <see cref="ApiRoutes"/> as HTTP-triggered functions, forwarding to
/// <see cref="ApplicationsApi"/>; the engine's client comes from the Durable extension's binding.
/// </summary>
public sealed class ApplicationsFunctions(RoundDirectory rounds, IntakeService intake, ApplicationStore applications, IOrganisationRegister register, TimeProvider time)
{
    [Function(nameof(ApiRoutes.CheckApplication))]
    public Task<IResult> CheckApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/rounds/{id}/applications/validation")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApplicationCheck.CheckApplication(id, request, time, cancellationToken);

    [Function(nameof(ApiRoutes.SubmitApplication))]
    public Task<IResult> SubmitApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/rounds/{id}/applications")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        ApplicationsApi.SubmitApplication(id, request, rounds, intake, engine, time, cancellationToken);

    [Function(nameof(ApiRoutes.GetOrganisation))]
    public Task<IResult> GetOrganisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/organisations/{number}")] HttpRequest request, string number, CancellationToken cancellationToken) =>
        RegistersApi.GetOrganisation(number, request, register, cancellationToken);

    [Function(nameof(ApiRoutes.ListMyApplications))]
    public Task<IResult> ListMyApplications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications")] HttpRequest request, CancellationToken cancellationToken) =>
        ApplicationsApi.ListMyApplications(request, applications, cancellationToken);

    [Function(nameof(ApiRoutes.GetApplication))]
    public static Task<IResult> GetApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{reference}")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        ApplicationsApi.GetApplication(reference, request, engine, cancellationToken);

    [Function(nameof(ApiRoutes.EraseApplication))]
    public static Task<IResult> EraseApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{reference}/erasure")] HttpRequest request, string reference,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        Erasure.EraseApplication(reference, request, engine, cancellationToken);
}
