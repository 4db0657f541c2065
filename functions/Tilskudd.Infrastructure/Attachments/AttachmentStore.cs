using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Attachments;

/// <summary>Attachments (vedlegg) in blob storage under attachments/{reference}/, under names we generate.</summary>
public sealed class AttachmentStore(StorageClients storage)
{
    /// <summary>Stores one file; the name is fixed by reference, position and type, so a retry overwrites the same blob.</summary>
    public async Task<StoredAttachment> SaveAsync(
        string reference, int index, AttachmentKind kind, FileType type, string fileName, Func<Stream> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        string sha256;
        long length;
        await using (var content = open())
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
            length = content.Length;
        }

        string blobName = $"{reference.ToUpperInvariant()}/{index + 1:00}-{kind.ToString().ToLowerInvariant()}.{FileTypeSniffer.ExtensionOf(type)}";
        string contentType = FileTypeSniffer.ContentTypeOf(type);
        var blob = storage.Container(StorageNames.AttachmentsContainer).GetBlobClient(blobName);
        await using (var content = open())
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { ["sha256"] = sha256, ["kind"] = kind.ToString() },
            }, cancellationToken);
        }

        return new StoredAttachment(kind, fileName, blobName, contentType, length, sha256);
    }
}
