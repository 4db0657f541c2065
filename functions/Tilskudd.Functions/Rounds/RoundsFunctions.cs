using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;

namespace Tilskudd.Functions.Rounds;

/// <summary>
/// The rounds routes of <see cref="ApiRoutes"/> as HTTP-triggered functions: each takes its Route from <see cref="RoutePatterns"/>
/// (host.json's routePrefix is empty, so pages keep their paths), goes through the admission step and forwards to
/// <see cref="RoundsApi"/>. The handlers return IResult, which the ASP.NET Core integration executes on the request's HttpContext.
/// </summary>
public sealed class RoundsFunctions(RouteAccess access, RoundDirectory rounds, TimeProvider time)
{
    [Function(nameof(ApiRoutes.ListRounds))]
    public Task<IResult> ListRounds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.ListRounds)] HttpRequest request, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ListRounds, new(), caller => RoundsApi.ListRounds(rounds, time, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetRound))]
    public Task<IResult> GetRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetRound)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetRound, new(RoundId: id), caller => RoundsApi.GetRound(id, rounds, time, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.OpenRound))]
    public Task<IResult> OpenRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.OpenRound)] HttpRequest request, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.OpenRound, new(), caller => RoundsApi.OpenRound(caller, request, rounds, time, cancellationToken), cancellationToken);
}
