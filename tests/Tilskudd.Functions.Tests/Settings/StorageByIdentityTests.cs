using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Functions.Tests.Settings;

/// <summary>
/// In Azure the product reaches its storage account by the app's identity: the Functions host, given
/// the Tilskudd__Storage__ settings infra/ sets, makes clients for the account's endpoints that hold
/// no key. Nothing is called here (clients connect on first use); that they authenticate only Azure shows.
/// </summary>
public sealed class StorageByIdentityTests
{
    static readonly Uri BlobEndpoint = new("https://sttilskudd.blob.core.windows.net/");
    static readonly Uri TableEndpoint = new("https://sttilskudd.table.core.windows.net/");

    static StorageClients ClientsFrom(Dictionary<string, string?> appSettings)
    {
        // App settings reach configuration as environment variables, where "__" means ":".
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(appSettings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value))
            .Build();
        return new ServiceCollection().AddTilskuddFunctions(configuration).BuildServiceProvider().GetRequiredService<StorageClients>();
    }

    [Fact]
    public void With_the_service_uris_the_clients_use_the_accounts_endpoints_and_no_key()
    {
        var clients = ClientsFrom(new()
        {
            ["Tilskudd__Storage__BlobServiceUri"] = BlobEndpoint.ToString(),
            ["Tilskudd__Storage__TableServiceUri"] = TableEndpoint.ToString(),
            ["Tilskudd__Storage__ClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(BlobEndpoint, clients.Blobs.Uri);
        Assert.Equal(TableEndpoint, clients.Tables.Uri);
        Assert.Equal("sttilskudd", clients.Blobs.AccountName);
        Assert.Equal(new Uri(BlobEndpoint, "letters"), clients.Container("letters").Uri);
        Assert.False(clients.Blobs.CanGenerateAccountSasUri, "A client made with a key could sign SAS URIs; one made with a token credential cannot.");
    }

    [Fact]
    public void Without_them_the_connection_string_is_used_as_before()
    {
        var clients = ClientsFrom(new() { ["Tilskudd__Storage__ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.Equal("devstoreaccount1", clients.Blobs.AccountName);
        Assert.True(clients.Blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void One_service_uri_without_the_other_is_refused_at_once()
    {
        var options = new StorageOptions { BlobServiceUri = BlobEndpoint };

        var error = Assert.Throws<InvalidOperationException>(() => new StorageClients(options));
        Assert.Contains("TableServiceUri", error.Message, StringComparison.Ordinal);
    }
}
