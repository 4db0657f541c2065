using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tilskudd.Api.Applications;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Attachments;

namespace Tilskudd.Api.Cases;

/// <summary>A multipart command's form: its text fields, and its files with what their bytes say they are.</summary>
public sealed record CaseForm(IFormCollection Fields, IReadOnlyList<ReceivedFile> Files);

/// <summary>
/// Files sent with a command (an information reply, a report with accounts and auditor's statement): read
/// like the application's (type found from the bytes, SHA-256), and stored with <see cref="AttachmentStore"/>
/// under the case's reference once the command is checked. A command's files are numbered from the case
/// version it answers (version 7: 701, 702, …) and carry eight hex digits of the command's id, so a retried command
/// overwrites its own blobs, and two commands sent against the same version (two people answering one request
/// before the case's row moves on) never overwrite each other's.
/// </summary>
public sealed class CaseFiles(AttachmentStore attachments)
{
    public static bool IsMultipart(HttpRequest request) => request?.HasFormContentType == true;

    /// <summary>Reads the form; a file part whose name <paramref name="kindOf"/> does not know is an error (null form, Norwegian reason).</summary>
    public static async Task<(CaseForm? Form, string? Error)> ReadAsync(HttpRequest request, Func<string, AttachmentKind?> kindOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kindOf);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = SubmittedForm.MaxBodyBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(SubmittedForm.FormReading, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return (null, $"Skjemaet kunne ikke leses. Filene kan til sammen være på høyst {SubmittedForm.MaxBodyBytes / (1024 * 1024)} MB.");
        }
        catch (IOException)
        {
            return (null, "Skjemaet kom ikke fram i sin helhet. Send det på nytt.");
        }

        var files = new List<ReceivedFile>();
        foreach (var part in form.Files)
        {
            if (kindOf(part.Name) is not { } kind)
            {
                return (null, $"Ukjent fil «{part.Name}».");
            }

            var received = await ReceiveAsync(part, kind, cancellationToken);
            if (received.DetectedType == FileType.Unknown)
            {
                return (null, $"Filen «{received.FileName}» er ikke PDF, Word, Excel, ODT, PNG eller JPEG.");
            }

            files.Add(received);
        }

        return (new CaseForm(form, files), null);
    }

    /// <summary>Stores the files; <paramref name="caseVersion"/> is the version of the case the command was checked against.</summary>
    public async Task<IReadOnlyList<StoredAttachment>> StoreAsync(
        string reference, int caseVersion, string commandId, IReadOnlyList<ReceivedFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        string commandTag = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(commandId)))[..8];
        var stored = new List<StoredAttachment>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            await using var content = files[i].Part.OpenReadStream();
            stored.Add(await attachments.SaveAsync(reference, (caseVersion * 100) + i, files[i].Descriptor, files[i].Sha256, content, commandTag, cancellationToken));
        }

        return stored;
    }

    /// <summary>A refused command's files: no event names them, and their names are the command's own.</summary>
    public Task DeleteAsync(IReadOnlyList<StoredAttachment> files, CancellationToken cancellationToken) => attachments.DeleteAsync(files, cancellationToken);

    static async Task<ReceivedFile> ReceiveAsync(IFormFile part, AttachmentKind kind, CancellationToken cancellationToken)
    {
        await using var content = part.OpenReadStream();
        var type = FileTypeSniffer.Detect(content);
        content.Position = 0;
        string sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        return new ReceivedFile(kind, SubmittedForm.CleanFileName(part.FileName), type, part.Length, sha256, part);
    }
}
