using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Tilskudd.Testing;

[assembly: AssemblyFixture(typeof(Tilskudd.Api.Tests.Fixtures.TilskuddFixture))]

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>One Azurite and one running Tilskudd.Local for the tests of this assembly.</summary>
public sealed class TilskuddFixture : IAsyncLifetime
{
    AzuriteProcess? azurite;

    public AzuriteProcess Azurite => azurite ?? throw new InvalidOperationException("Not started.");

    public LocalHostProcess Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public BlobServiceClient Blobs => new(Azurite.ConnectionString);

    public TableServiceClient Tables => new(Azurite.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        Host = new LocalHostProcess(Azurite.ConnectionString, "TilskuddTests");
        await Host.StartAsync();
        Http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
