using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Rounds;

namespace Tilskudd.Functions.Rounds;

/// <summary>
/// The rounds routes of <see cref="ApiRoutes"/> as HTTP-triggered functions, forwarding to
/// <see cref="RoundsApi"/>. Routes are the patterns without the leading "/" (host.json's routePrefix is empty, so pages keep their paths). The handlers
/// return IResult, which the ASP.NET Core integration executes on the request's HttpContext.
/// </summary>
public sealed class RoundsFunctions(RoundDirectory rounds, TimeProvider time)
{
    [Function(nameof(ApiRoutes.ListRounds))]
    public Task<IResult> ListRounds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds")] HttpRequest request, CancellationToken cancellationToken) =>
        RoundsApi.ListRounds(rounds, time, cancellationToken);

    [Function(nameof(ApiRoutes.GetRound))]
    public Task<IResult> GetRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rounds/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        RoundsApi.GetRound(id, rounds, time, cancellationToken);

    [Function(nameof(ApiRoutes.OpenRound))]
    public Task<IResult> OpenRound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/rounds")] HttpRequest request, CancellationToken cancellationToken) =>
        RoundsApi.OpenRound(request, rounds, time, cancellationToken);
}
