using Azure;
using Azure.Storage.Blobs.Models;
using Tilskudd.Infrastructure.Letters;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>A letter as the case page lists it.</summary>
public sealed record LetterListing(string FileName, string Kind, string Subject, DateTimeOffset StoredAt, long Length);

/// <summary>
/// Letters next to the case as PDF: letters/{reference}/{template}-{version}.pdf, overwritten with the same
/// letter on a retry (the mail and the RenderLetter activity both store it).
/// </summary>
public sealed class BlobLetterArchive(StorageClients storage) : ILetterArchive
{
    public async Task<LetterFile> StoreAsync(ArchivedLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        byte[] pdf = LetterPdf.Render(letter);
        await Letters.GetBlobClient($"{letter.Reference}/{letter.FileName}").UploadAsync(
            BinaryData.FromBytes(pdf),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                // Blob metadata is ASCII: the subject (with æøå) is kept base64-encoded.
                Metadata = new Dictionary<string, string>
                {
                    ["template"] = letter.TemplateId,
                    ["subject"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(letter.Subject)),
                },
            },
            cancellationToken);
        return new LetterFile(letter.FileName, pdf);
    }

    /// <summary>The case's letters, oldest first.</summary>
    public async Task<IReadOnlyList<LetterListing>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        var letters = new List<LetterListing>();
        await foreach (var blob in Letters.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{reference}/", cancellationToken))
        {
            if (!blob.Name.EndsWith(".pdf", StringComparison.Ordinal))
            {
                continue;
            }

            string template = blob.Metadata.TryGetValue("template", out string? id) ? id : "";
            string subject = blob.Metadata.TryGetValue("subject", out string? encoded)
                ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded))
                : "";
            letters.Add(new LetterListing(blob.Name[(reference.Length + 1)..], LetterPdf.KindOf(template), subject,
                blob.Properties.CreatedOn ?? DateTimeOffset.MinValue, blob.Properties.ContentLength ?? 0));
        }

        return [.. letters.OrderBy(l => l.StoredAt)];
    }

    /// <summary>One letter of the case; null when the case has no such file (or the name reaches outside the case).</summary>
    public async Task<LetterFile?> OpenAsync(string reference, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal) || !fileName.EndsWith(".pdf", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var content = await Letters.GetBlobClient($"{reference}/{fileName}").DownloadContentAsync(cancellationToken);
            return new LetterFile(fileName, content.Value.Content.ToArray());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    Azure.Storage.Blobs.BlobContainerClient Letters => storage.Container(StorageNames.LettersContainer);
}
