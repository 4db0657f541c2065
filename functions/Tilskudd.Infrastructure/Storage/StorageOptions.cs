namespace Tilskudd.Infrastructure.Storage;

/// <summary>The storage account the product keeps its data in (Azurite locally).</summary>
public sealed class StorageOptions
{
    public const string Section = "Tilskudd:Storage";

    /// <summary>An Azure Storage connection string; "UseDevelopmentStorage=true" means Azurite on its default ports.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
