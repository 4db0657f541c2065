using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Attachments;

/// <summary>A read-only link to one attachment that works for <see cref="AttachmentLinks.Lifetime"/>.</summary>
public sealed record AttachmentLink(Uri Url, DateTimeOffset ExpiresAt, string FileName, string ContentType, long Length);

/// <summary>
/// Short-lived read-only SAS links to attachments, so a file is fetched from storage and never streams through
/// the API. With an account key (Azurite, a connection string) the link is signed with the key; in Azure, where the
/// account takes no keys, with a user delegation key of the app's identity. The link makes the browser save the
/// file (Content-Disposition: attachment) under the name it was sent with.
/// </summary>
public sealed partial class AttachmentLinks(StorageClients storage)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The link to attachments/{reference}/{name}; null when no such file exists or the name is not one we give files.</summary>
    public async Task<AttachmentLink?> CreateAsync(string reference, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!IsStoredName(name))
        {
            return null;
        }

        var blob = storage.Container(StorageNames.AttachmentsContainer).GetBlobClient($"{reference.ToUpperInvariant()}/{name}");
        Azure.Storage.Blobs.Models.BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        string fileName = properties.Metadata.TryGetValue(AttachmentStore.FileNameMetadata, out var encoded) && encoded.Length > 0
            ? Uri.UnescapeDataString(encoded)
            : name;

        // Storage checks the expiry against its own clock, so the link's lifetime is real time, never the development clock's.
        var expiresAt = DateTimeOffset.UtcNow + Lifetime;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentDisposition = ContentDisposition(fileName),
            ContentType = properties.ContentType,
        };
        var url = blob.CanGenerateSasUri ? blob.GenerateSasUri(sas) : await DelegatedAsync(blob, sas, expiresAt, cancellationToken);
        return new AttachmentLink(url, expiresAt, fileName, properties.ContentType, properties.ContentLength);
    }

    /// <summary>The names <see cref="AttachmentStore"/> gives files: a number, the kind, the extension of the sniffed type.</summary>
    public static bool IsStoredName(string? name) => name is { Length: <= 40 } && StoredName().IsMatch(name);

    async Task<Uri> DelegatedAsync(BlobClient blob, BlobSasBuilder sas, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = await storage.Blobs.GetUserDelegationKeyAsync(startsOn: null, expiresAt, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, storage.Blobs.AccountName) }.ToUri();
    }

    /// <summary>attachment; with an ASCII name for old browsers and the exact name in RFC 5987 form.</summary>
    static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (char c in fileName)
        {
            ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    [GeneratedRegex("^[0-9]{2,6}-[a-z]+(-[0-9a-f]{8})?\\.(pdf|docx|xlsx|odt|png|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredName();
}
