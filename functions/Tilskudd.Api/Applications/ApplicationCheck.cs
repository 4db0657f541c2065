using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Api.Applications;

/// <summary>A file the applicant has chosen but not sent: its kind, name and size.</summary>
public sealed record ChosenFile(AttachmentKind Kind, string FileName, long Length);

/// <summary>A form being filled in, with the files chosen so far.</summary>
public sealed record ApplicationDraft(ApplicationForm? Form, IReadOnlyList<ChosenFile>? Files);

/// <summary>
/// Checks a form being filled in against the round's intake rules (<see cref="ApplicationRules"/>) without taking it
/// in, so the form's pages show the Api's own messages at each step instead of a copy of the rules. The files are not
/// sent: their type is judged from the name here, and from the content when the application is submitted.
/// </summary>
public static class ApplicationCheck
{
    static readonly Dictionary<string, FileType> TypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileType.Pdf,
        [".docx"] = FileType.Docx,
        [".xlsx"] = FileType.Xlsx,
        [".odt"] = FileType.Odt,
        [".png"] = FileType.Png,
        [".jpg"] = FileType.Jpeg,
        [".jpeg"] = FileType.Jpeg,
    };

    public static async Task<IResult> CheckApplication(Admitted caller, HttpRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(caller);
        var round = caller.Round!;

        ApplicationDraft? draft;
        try
        {
            draft = await JsonSerializer.DeserializeAsync<ApplicationDraft>(request.Body, JsonDefaults.Options, cancellationToken);
        }
        catch (JsonException)
        {
            draft = null;
        }

        if (draft?.Form is not { } form)
        {
            return Problems.BadRequest("Skjemaet kunne ikke leses", "Send {\"form\": søknadsskjemaet, \"files\": [{\"kind\", \"fileName\", \"length\"}]} som JSON.", "invalid-draft");
        }

        var files = (draft.Files ?? [])
            .Select(f => new AttachmentDescriptor(f.Kind, f.FileName ?? "", f.Length, TypesByExtension.GetValueOrDefault(Path.GetExtension(f.FileName ?? ""), FileType.Unknown)))
            .ToList();
        var verdict = ApplicationRules.Validate(round, form, files, time.GetUtcNow());
        return TypedResults.Ok(new { verdict.Errors, verdict.Warnings });
    }
}
