using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Api.Tests.Rounds;

/// <summary>Two instances of the API on one storage account, as on Azure when the Function App scales out.</summary>
public sealed class RoundDirectoryTests(TilskuddFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The day these instances live on: oslo-2027 (deadline 30 November 2026) and alta-2027 take applications.</summary>
    readonly FakeTimeProvider today = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)));

    RoundDirectory NewInstance() =>
        new(new RoundStore(new StorageClients(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })), today, NullLogger<RoundDirectory>.Instance);

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
    public async Task A_host_that_runs_past_a_deadline_opens_the_next_round_that_day()
    {
        var directory = NewInstance();
        var before = await directory.ListAsync(Ct);
        Assert.Contains(before, r => r.Id == "oslo-2027");

        today.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1)));
        var after = await directory.ListAsync(Ct);

        Assert.Contains(after, r => r.Id == "oslo-2028");
        Assert.Contains(after, r => r.Id == "oslo-2027");
        Assert.True(Domain.Rounds.RoundCatalog.IsOpenForApplications(after.Single(r => r.Id == "oslo-2028"), today.GetUtcNow()));
        Assert.Equal("oslo-2028", (await NewInstance().FindAsync("oslo-2028", Ct))?.Id);
    }

    [Fact]
    public async Task The_seed_rounds_are_found_without_being_opened()
    {
        var directory = NewInstance();

        Assert.Equal("oslo", (await directory.FindAsync("oslo-2021", Ct))?.SchemeId);
        Assert.Equal("alta", (await directory.FindAsync("alta-2024", Ct))?.SchemeId);
    }
}
