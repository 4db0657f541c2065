using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Http;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;

namespace Tilskudd.Api.Letters;

/// <summary>The case's letters (vedtak, tilskuddsbrev, tilbakebetalingskrav, klagevedtak) as PDF, for the case page.</summary>
public static class LettersApi
{
    public static async Task<IResult> ListLetters(string reference, HttpRequest request, ApplicationStore applications, BlobLetterArchive letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (ActorHeaders.From(request) is null)
        {
            return ActorHeaders.Unknown();
        }

        if (await applications.FindAsync(reference, cancellationToken) is not { } application)
        {
            return NotFound(reference);
        }

        var listed = await letters.ListAsync(application.Reference, cancellationToken);
        return TypedResults.Ok(new
        {
            application.Reference,
            Letters = listed.Select(l => new
            {
                l.FileName,
                l.Kind,
                l.Subject,
                l.StoredAt,
                l.Length,
                Link = $"/api/applications/{application.Reference}/letters/{l.FileName}",
            }),
        });
    }

    public static async Task<IResult> GetLetter(string reference, string file, HttpRequest request, ApplicationStore applications, BlobLetterArchive letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (ActorHeaders.From(request) is null)
        {
            return ActorHeaders.Unknown();
        }

        if (await applications.FindAsync(reference, cancellationToken) is not { } application)
        {
            return NotFound(reference);
        }

        return await letters.OpenAsync(application.Reference, file, cancellationToken) is { } letter
            ? TypedResults.File(letter.Content, "application/pdf", letter.FileName)
            : Problems.NotFound($"Saken {application.Reference} har ikke noe brev som heter «{file}».", "letter-not-found");
    }

    static ProblemHttpResult NotFound(string reference) =>
        Problems.NotFound($"Fant ingen søknad med referansenummer «{reference}».", "application-not-found");
}
