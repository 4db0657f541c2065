using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Http;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;

namespace Tilskudd.Api.Letters;

/// <summary>The case's letters (vedtak, tilskuddsbrev, tilbakebetalingskrav, klagevedtak) as PDF, for the case page.</summary>
public static class LettersApi
{
    public static async Task<IResult> ListLetters(Admitted caller, HttpRequest request, BlobLetterArchive letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(caller);
        var application = caller.Application!;
        await RouteAccess.RecordReadAsync(request, caller, "letters", cancellationToken);

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

    public static async Task<IResult> GetLetter(Admitted caller, string file, HttpRequest request, BlobLetterArchive letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(caller);
        var application = caller.Application!;
        await RouteAccess.RecordReadAsync(request, caller, "letter:" + file, cancellationToken);

        return await letters.OpenAsync(application.Reference, file, cancellationToken) is { } letter
            ? TypedResults.File(letter.Content, "application/pdf", letter.FileName)
            : Problems.NotFound($"Saken {application.Reference} har ikke noe brev som heter «{file}».", "letter-not-found");
    }
}
