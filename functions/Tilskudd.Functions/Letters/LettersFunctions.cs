using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Letters;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Cases;

namespace Tilskudd.Functions.Letters;

/// <summary>The letter routes of <see cref="ApiRoutes"/> as HTTP-triggered functions, through the admission step to <see cref="LettersApi"/>.</summary>
public sealed class LettersFunctions(RouteAccess access, BlobLetterArchive letters)
{
    [Function(nameof(ApiRoutes.ListLetters))]
    public Task<IResult> ListLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.ListLetters)] HttpRequest request, string reference, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.ListLetters, new(Reference: reference), caller => LettersApi.ListLetters(caller, request, letters, cancellationToken), cancellationToken);

    [Function(nameof(ApiRoutes.GetLetter))]
    public Task<IResult> GetLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RoutePatterns.GetLetter)] HttpRequest request, string reference, string file, CancellationToken cancellationToken) =>
        access.AnswerAsync(request, ApiRoutes.GetLetter, new(Reference: reference), caller => LettersApi.GetLetter(caller, file, request, letters, cancellationToken), cancellationToken);
}
