using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Api.Applications;

/// <summary>
/// Reads the multipart application: one part "application" with the JSON form, and file parts
/// named by attachment kind (budget, skatteattest, membershipList, other). Errors in the
/// request itself come back as field errors, the same shape as the domain's rule violations.
/// </summary>
public sealed record SubmittedForm(ApplicationForm? Form, IReadOnlyList<ReceivedFile> Files, Dictionary<string, string[]> Errors, string RequestHash)
{
    public const string ApplicationPart = "application";

    /// <summary>The signed-in sender's id, stored with the application.</summary>
    public string? SubmittedBy { get; init; }

    /// <summary>Largest body read: the 50 MB of files the rules allow, plus room for the form.</summary>
    public const long MaxBodyBytes = 55L * 1024 * 1024;

    /// <summary>
    /// Files up to this size are held in memory while the form is read; larger ones go to a temporary file.
    /// ASP.NET's default of 64 KB sent every budget and skatteattest to disk and back (bench, issue 18);
    /// 1 MB keeps a typical application in memory, 32 at once about 32 MB.
    /// </summary>
    public const int MemoryBufferBytes = 1024 * 1024;

    /// <summary>How multipart bodies of applications, reports and replies are read.</summary>
    public static FormOptions FormReading { get; } = new() { MultipartBodyLengthLimit = MaxBodyBytes, MemoryBufferThreshold = MemoryBufferBytes };

    public static async Task<SubmittedForm> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!request.HasFormContentType)
        {
            errors["application"] = ["Søknaden må sendes som multipart/form-data med en del «application» (JSON) og vedleggene som filer."];
            return new SubmittedForm(null, [], errors, "");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormReading, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // A body that ends inside a part (a dropped upload): nothing of it is kept.
            errors["application"] = ["Søknaden kom ikke fram i sin helhet. Send den på nytt."];
            return new SubmittedForm(null, [], errors, "");
        }

        string? json = form[ApplicationPart].FirstOrDefault();
        var jsonFile = form.Files.GetFile(ApplicationPart);
        if (json is null && jsonFile is not null)
        {
            using var reader = new StreamReader(jsonFile.OpenReadStream(), Encoding.UTF8);
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        var application = ParseForm(json, errors);
        var files = new List<ReceivedFile>();
        foreach (var part in form.Files.Where(f => f.Name != ApplicationPart))
        {
            if (!TryKindOf(part.Name, out var kind))
            {
                errors[$"attachments.{part.Name}"] = [$"Ukjent vedleggstype «{part.Name}». Bruk budget, skatteattest, membershipList eller other."];
                continue;
            }

            files.Add(await ReceiveAsync(part, kind, cancellationToken));
        }

        return new SubmittedForm(application, files, errors, RequestHashOf(json, files));
    }

    static ApplicationForm? ParseForm(string? json, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors["application"] = ["Delen «application» med søknadsskjemaet (JSON) mangler."];
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ApplicationForm>(json, JsonDefaults.Options)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "application" : e.Path.TrimStart('$', '.');
            errors[where] = [$"Søknadsskjemaet kunne ikke leses her (linje {e.LineNumber + 1}). Sjekk at verdien har riktig type."];
            return null;
        }
    }

    static async Task<ReceivedFile> ReceiveAsync(IFormFile part, AttachmentKind kind, CancellationToken cancellationToken)
    {
        FileType type;
        string sha256;
        await using (var content = part.OpenReadStream())
        {
            type = FileTypeSniffer.Detect(content);
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        }

        return new ReceivedFile(kind, CleanFileName(part.FileName), type, part.Length, sha256, part);
    }

    /// <summary>The attachments an application is sent with; reports and replies come later, with their commands.</summary>
    static readonly AttachmentKind[] ApplicationKinds = [AttachmentKind.Budget, AttachmentKind.Skatteattest, AttachmentKind.MembershipList, AttachmentKind.Other];

    static bool TryKindOf(string partName, out AttachmentKind kind) =>
        Enum.TryParse(partName, ignoreCase: true, out kind) && ApplicationKinds.Contains(kind) && !int.TryParse(partName, out _);

    /// <summary>Keeps a file name fit for display: no path, no control characters, bounded length.</summary>
    public static string CleanFileName(string? name)
    {
        string bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var kept = new string(bare.Where(c => !char.IsControl(c) && c is not ('/' or '"' or '<' or '>')).ToArray()).Trim();
        if (kept.Length > 120)
        {
            kept = kept[..120];
        }

        return kept.Length == 0 ? "vedlegg" : kept;
    }

    static string RequestHashOf(string? json, IEnumerable<ReceivedFile> files)
    {
        var text = new StringBuilder(json ?? "");
        foreach (var file in files)
        {
            text.Append('\n').Append(file.Kind).Append(':').Append(file.Sha256);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
