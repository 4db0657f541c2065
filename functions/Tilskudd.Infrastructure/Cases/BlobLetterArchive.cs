using Azure.Storage.Blobs.Models;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>Letters next to the case: letters/{reference}/{letter}.txt, overwritten with the same text on a retry.</summary>
public sealed class BlobLetterArchive(StorageClients storage) : ILetterArchive
{
    public Task StoreAsync(ArchivedLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        string name = $"{letter.Reference}/{letter.LetterId.Replace('/', '-')}.txt";
        return storage.Container(StorageNames.LettersContainer).GetBlobClient(name).UploadAsync(
            BinaryData.FromString($"{letter.Subject}\n\n{letter.Text}"),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
                Metadata = new Dictionary<string, string> { ["template"] = letter.TemplateId },
            },
            cancellationToken);
    }
}
