using Microsoft.Extensions.Logging.Abstractions;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Api.Tests.Rounds;

/// <summary>Two instances of the API on one storage account, as on Azure when the Function App scales out.</summary>
public sealed class RoundDirectoryTests(TilskuddFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    RoundDirectory NewInstance() =>
        new(new RoundStore(new StorageClients(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })), TimeProvider.System, NullLogger<RoundDirectory>.Instance);

    [Fact]
    public async Task A_round_opened_by_another_instance_is_found_at_once_and_an_unopened_one_is_not()
    {
        var first = NewInstance();
        var second = NewInstance();
        Assert.Null(await first.FindAsync("alta-2091", Ct));

        await second.OpenAsync("alta", 2091, Ct);

        Assert.Equal(2091, (await first.FindAsync("ALTA-2091", Ct))?.GrantYear);
        Assert.Null(await first.FindAsync("alta-2092", Ct));
    }

    [Fact]
    public async Task The_seed_rounds_are_found_without_being_opened()
    {
        var directory = NewInstance();

        Assert.Equal("oslo", (await directory.FindAsync("oslo-2021", Ct))?.SchemeId);
        Assert.Equal("alta", (await directory.FindAsync("alta-2024", Ct))?.SchemeId);
    }
}
