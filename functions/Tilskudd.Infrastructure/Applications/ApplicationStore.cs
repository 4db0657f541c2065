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
            ["Organisation"] = Digits(application.Form.Organisation?.Number),
            ["SubmittedBy"] = application.SubmittedBy,
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

    /// <summary>
    /// The applications of these organisations (by number) and those <paramref name="submittedBy"/> sent, every round,
    /// newest first: "Mine søknader". One query over the applications table, which holds a row per application.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationListing>> ListForAsync(IReadOnlyList<string> organisations, string? submittedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var conditions = organisations.Select(o => TableClient.CreateQueryFilter($"Organisation eq {Digits(o)}")).ToList();
        if (submittedBy is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"SubmittedBy eq {submittedBy}"));
        }

        var found = new List<ApplicationListing>();
        if (conditions.Count == 0)
        {
            return found;
        }

        var rows = storage.Table(StorageNames.ApplicationsTable).QueryAsync<TableEntity>(
            string.Join(" or ", conditions.Select(c => $"({c})")), select: ["PartitionKey", "RowKey", "OrganisationNumber", "AmountAppliedFor", "SubmittedAt"], cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            found.Add(new ApplicationListing(row.RowKey, row.PartitionKey, row.GetString("OrganisationNumber"), row.GetInt64("AmountAppliedFor") ?? 0, row.GetDateTimeOffset("SubmittedAt")));
        }

        return [.. found.OrderByDescending(a => a.SubmittedAt)];
    }

    static string BlobNameFor(string reference) => $"{reference.ToUpperInvariant()}.json";

    /// <summary>An organisation number as its nine digits, however it was typed ("912 345 688").</summary>
    static string? Digits(string? number) => number is null ? null : new string([.. number.Where(char.IsAsciiDigit)]);
}
