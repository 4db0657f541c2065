using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Exports;

namespace Tilskudd.Functions.Exports;

/// <summary>The export and open-data routes of <see cref="ApiRoutes"/> as HTTP-triggered functions forwarding to <see cref="ExportsApi"/>.</summary>
public sealed class ExportsFunctions(RoundSources sources)
{
    [Function(nameof(ApiRoutes.ExportRound))]
    public Task<IResult> ExportRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/exports/{export}")] HttpRequest request, string id, string export, CancellationToken cancellationToken) =>
        ExportsApi.ExportRound(id, export, request, sources, cancellationToken);

    [Function(nameof(ApiRoutes.GetImdiFigures))]
    public Task<IResult> GetImdiFigures(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/imdi")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ExportsApi.GetImdiFigures(id, request, sources, cancellationToken);

    [Function(nameof(ApiRoutes.GetRoundStatistics))]
    public Task<IResult> GetRoundStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/statistics")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ExportsApi.GetRoundStatistics(id, request, sources, cancellationToken);

    [Function(nameof(ApiRoutes.GetOpenData))]
    public Task<IResult> GetOpenData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}/open-data")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ExportsApi.GetOpenData(id, request, sources, cancellationToken);
}
