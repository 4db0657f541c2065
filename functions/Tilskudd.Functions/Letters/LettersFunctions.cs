using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Letters;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;

namespace Tilskudd.Functions.Letters;

/// <summary>The letter routes of <see cref="ApiRoutes"/> as HTTP-triggered functions forwarding to <see cref="LettersApi"/>.</summary>
public sealed class LettersFunctions(BlobLetterArchive letters)
{
    [Function(nameof(ApiRoutes.ListLetters))]
    public Task<IResult> ListLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{reference}/letters")] HttpRequest request, string reference, CancellationToken cancellationToken) =>
        LettersApi.ListLetters(reference, request, letters, cancellationToken);

    [Function(nameof(ApiRoutes.GetLetter))]
    public Task<IResult> GetLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{reference}/letters/{file}")] HttpRequest request, string reference, string file, CancellationToken cancellationToken) =>
        LettersApi.GetLetter(reference, file, request, letters, cancellationToken);
}
