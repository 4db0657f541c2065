namespace Tilskudd.Infrastructure.Storage;

/// <summary>
/// The storage account the product keeps its data in: by connection string (Azurite locally, or any
/// account), or in Azure by its service URIs and a managed identity, without keys.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Tilskudd:Storage";

    /// <summary>
    /// An Azure Storage connection string; "UseDevelopmentStorage=true" means Azurite on its default ports.
    /// Read only when <see cref="BlobServiceUri"/> and <see cref="TableServiceUri"/> are not set.
    /// </summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The account's blob endpoint (https://account.blob.core.windows.net/); set with <see cref="TableServiceUri"/> to reach the account by Entra ID.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The account's table endpoint (https://account.table.core.windows.net/).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity to use; empty for the default credential chain (a system-assigned identity, or a developer's az login).</summary>
    public string? ClientId { get; set; }
}
