using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Payouts;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Functions.Payouts;

/// <summary>The payout routes of <see cref="ApiRoutes"/> as HTTP-triggered functions, through the admission step to <see cref="PayoutsApi"/>.</summary>
public sealed class PayoutsFunctions(RouteAccess access, PaymentFiles files, RoundDirectory rounds, TimeProvider time)
{
    [Function(nameof(ApiRoutes.GetPaymentFile))]
    public Task<IResult> GetPaymentFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetPaymentFile)] HttpRequest request, string kommune, string day, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetPaymentFile, new(Kommune: kommune), caller => PayoutsApi.GetPaymentFile(kommune, day, request, files, rounds, time, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.ImportPaymentConfirmation))]
    public Task<IResult> ImportPaymentConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RoutePatterns.ImportPaymentConfirmation)] HttpRequest request, string kommune, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ImportPaymentConfirmation, new(Kommune: kommune), caller => PayoutsApi.ImportPaymentConfirmation(kommune, request, files, cancellationToken), cancellationToken);
}
