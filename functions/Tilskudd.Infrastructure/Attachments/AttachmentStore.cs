using Azure.Storage.Blobs.Models;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Attachments;

/// <summary>Attachments (vedlegg) in blob storage under attachments/{reference}/, under names we generate.</summary>
public sealed class AttachmentStore(StorageClients storage)
{
    /// <summary>Blob metadata with the name the file was sent with, URI-escaped (metadata is ASCII); links save the file under it.</summary>
    public const string FileNameMetadata = "filename";

    /// <summary>
    /// Stores one file. The blob name is fixed by reference, position and type (and, for a case command's files,
    /// <paramref name="commandTag"/>: eight hex digits of the command), so a retried submit or command overwrites the
    /// same blob with the same bytes and no other.
    /// </summary>
    public async Task<StoredAttachment> SaveAsync(
        string reference, int index, AttachmentDescriptor file, string sha256, Stream content, string? commandTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string distinct = commandTag is null ? "" : "-" + commandTag;
        string blobName = $"{reference.ToUpperInvariant()}/{index + 1:00}-{file.Kind.ToString().ToLowerInvariant()}{distinct}.{FileTypeSniffer.ExtensionOf(file.DetectedType)}";
        string contentType = FileTypeSniffer.ContentTypeOf(file.DetectedType);
        await storage.Container(StorageNames.AttachmentsContainer).GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = "attachment" },
            Metadata = new Dictionary<string, string>
            {
                ["sha256"] = sha256,
                ["kind"] = file.Kind.ToString(),
                [FileNameMetadata] = Uri.EscapeDataString(file.FileName),
            },
        }, cancellationToken);
        return new StoredAttachment(file.Kind, file.FileName, blobName, contentType, file.Length, sha256);
    }

    /// <summary>Deletes files stored for a command the case then refused; no event names them.</summary>
    public async Task DeleteAsync(IEnumerable<StoredAttachment> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            await storage.Container(StorageNames.AttachmentsContainer).GetBlobClient(file.BlobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
