using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Tilskudd.Infrastructure.Storage;

/// <summary>The SDK clients for the product's storage account, made once and shared.</summary>
public sealed class StorageClients(StorageOptions options)
{
    public TableServiceClient Tables { get; } = new(options.ConnectionString);

    public BlobServiceClient Blobs { get; } = new(options.ConnectionString);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>Creates the tables and containers that do not exist yet; safe to run at every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in StorageNames.Tables)
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken);
        }

        foreach (var container in StorageNames.Containers)
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
