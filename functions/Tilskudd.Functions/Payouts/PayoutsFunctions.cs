using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Payouts;
using Tilskudd.Api.Rounds;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Functions.Payouts;

/// <summary>The payout routes of <see cref="ApiRoutes"/> as HTTP-triggered functions forwarding to <see cref="PayoutsApi"/>.</summary>
public sealed class PayoutsFunctions(PaymentFiles files, RoundDirectory rounds, TimeProvider time)
{
    [Function(nameof(ApiRoutes.GetPaymentFile))]
    public Task<IResult> GetPaymentFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kommuner/{kommune}/payouts/{day}")] HttpRequest request, string kommune, string day, CancellationToken cancellationToken) =>
        PayoutsApi.GetPaymentFile(kommune, day, request, files, rounds, time, cancellationToken);

    [Function(nameof(ApiRoutes.ImportPaymentConfirmation))]
    public Task<IResult> ImportPaymentConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kommuner/{kommune}/payouts/confirmations")] HttpRequest request, string kommune, CancellationToken cancellationToken) =>
        PayoutsApi.ImportPaymentConfirmation(kommune, request, files, cancellationToken);
}
