using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Tilskudd.Infrastructure.Storage;

/// <summary>
/// The SDK clients for the product's storage account, made once and shared: by connection string,
/// or, when the options carry the service URIs (in Azure), by Entra ID with no key anywhere.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        if (UsesIdentity(options))
        {
            var credential = Credential(options);
            Tables = new TableServiceClient(options.TableServiceUri, credential);
            Blobs = new BlobServiceClient(options.BlobServiceUri, credential);
        }
        else
        {
            Tables = new TableServiceClient(options.ConnectionString);
            Blobs = new BlobServiceClient(options.ConnectionString);
        }
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

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

    /// <summary>True when the service URIs are set: the account is reached by Entra ID and the connection string is not read.</summary>
    static bool UsesIdentity(StorageOptions options) => (options.BlobServiceUri, options.TableServiceUri) switch
    {
        (null, null) => false,
        (not null, not null) => true,
        _ => throw new InvalidOperationException(
            "Tilskudd:Storage: set both BlobServiceUri and TableServiceUri (the account is then reached by managed identity), or neither (ConnectionString is used)."),
    };

    /// <summary>
    /// In Azure the app's managed identity (the user-assigned one named by ClientId); on a developer's
    /// machine the same chain finds az/azd login, so Tilskudd.Local can use an Azure account without keys.
    /// </summary>
    static DefaultAzureCredential Credential(StorageOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId,
        });
}
