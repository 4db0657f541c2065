using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Applications;

/// <summary>
/// Keeps each application twice: the whole document as a JSON blob (the record of what was
/// received) and a Table row per round for listings. Both writes are overwrites with the same
/// content, so a retried submit can repeat them safely.
/// </summary>
public sealed class ApplicationStore(StorageClients storage)
{
    public async Task SaveAsync(StoredApplication application, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.ApplicationsContainer).GetBlobClient(BlobNameFor(application.Reference));
        var json = BinaryData.FromObjectAsJson(application, JsonDefaults.Options);
        await blob.UploadAsync(json, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);

        var row = new TableEntity(application.RoundId, application.Reference)
        {
            ["OrganisationNumber"] = application.Form.Organisation?.Number,
            ["AmountAppliedFor"] = application.Form.AmountAppliedFor,
            ["SubmittedAt"] = application.SubmittedAt,
            ["Kind"] = application.Form.Kind.ToString(),
        };
        await storage.Table(StorageNames.ApplicationsTable).UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StoredApplication?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.ApplicationsContainer).GetBlobClient(BlobNameFor(reference));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<StoredApplication>(JsonDefaults.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    static string BlobNameFor(string reference) => $"{reference.ToUpperInvariant()}.json";
}
