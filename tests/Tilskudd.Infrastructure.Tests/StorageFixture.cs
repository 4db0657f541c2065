using Tilskudd.Infrastructure.Storage;
using Tilskudd.Testing;

[assembly: AssemblyFixture(typeof(Tilskudd.Infrastructure.Tests.StorageFixture))]

namespace Tilskudd.Infrastructure.Tests;

/// <summary>An in-memory Azurite of these tests' own, with the product's tables and containers made.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    AzuriteProcess? azurite;

    public StorageClients Storage { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        Storage = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString });
        await Storage.EnsureCreatedAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
