using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Exports;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Exports;

namespace Tilskudd.Functions.Exports;

/// <summary>The export and open-data routes of <see cref="ApiRoutes"/> as HTTP-triggered functions, through the admission step to <see cref="ExportsApi"/>.</summary>
public sealed class ExportsFunctions(RouteAccess access, RoundSources sources)
{
    [Function(nameof(ApiRoutes.ExportRound))]
    public Task<IResult> ExportRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.ExportRound)] HttpRequest request, string id, string export, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ExportRound, new(RoundId: id), caller => ExportsApi.ExportRound(id, export, request, sources, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetImdiFigures))]
    public Task<IResult> GetImdiFigures(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetImdiFigures)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetImdiFigures, new(RoundId: id), caller => ExportsApi.GetImdiFigures(id, sources, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetRoundStatistics))]
    public Task<IResult> GetRoundStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetRoundStatistics)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetRoundStatistics, new(RoundId: id), caller => ExportsApi.GetRoundStatistics(id, sources, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetOpenData))]
    public Task<IResult> GetOpenData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetOpenData)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetOpenData, new(RoundId: id), caller => ExportsApi.GetOpenData(id, request, sources, cancellationToken), cancellationToken);
}
