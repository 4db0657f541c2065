using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Rounds;

namespace Tilskudd.Infrastructure.Tests.Rounds;

public sealed class PotLedgerTests(StorageFixture fixture)
{
    readonly PotLedger ledger = new(fixture.Storage);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Alta's round with a pot of its own, so tests do not share a ledger.</summary>
    static Round AltaWithPot(long pot) => RoundCatalog.ForYear("alta", 2027) with { Id = $"alta-test-{Guid.NewGuid():N}", Pot = pot };

    [Fact]
    public async Task A_grant_within_the_pot_is_reserved_and_leaves_the_rest()
    {
        var round = AltaWithPot(286_390);

        var outcome = await ledger.ReserveAsync(round, "ALT-2027-0001", 45_000, Ct);

        Assert.IsType<PotReservation.Reserved>(outcome);
        var balance = await ledger.BalanceAsync(round, Ct);
        Assert.Equal(45_000, balance.Granted);
        Assert.Equal(241_390, balance.Left);
    }

    [Fact]
    public async Task Reserving_the_same_grant_again_counts_it_once()
    {
        var round = AltaWithPot(100_000);

        await ledger.ReserveAsync(round, "ALT-2027-0002", 40_000, Ct);
        await ledger.ReserveAsync(round, "ALT-2027-0002", 40_000, Ct);

        Assert.Equal(40_000, (await ledger.BalanceAsync(round, Ct)).Granted);
    }

    [Fact]
    public async Task A_changed_grant_replaces_the_earlier_amount()
    {
        var round = AltaWithPot(100_000);

        await ledger.ReserveAsync(round, "ALT-2027-0003", 40_000, Ct);
        await ledger.ReserveAsync(round, "ALT-2027-0003", 25_000, Ct);

        Assert.Equal(25_000, (await ledger.BalanceAsync(round, Ct)).Granted);
    }

    [Fact]
    public async Task A_grant_beyond_what_is_left_is_refused_and_changes_nothing()
    {
        var round = AltaWithPot(50_000);
        await ledger.ReserveAsync(round, "ALT-2027-0004", 30_000, Ct);

        var outcome = await ledger.ReserveAsync(round, "ALT-2027-0005", 30_000, Ct);

        var refused = Assert.IsType<PotReservation.Refused>(outcome);
        Assert.Equal(20_000, refused.Balance.Left);
        Assert.Equal(30_000, (await ledger.BalanceAsync(round, Ct)).Granted);
    }

    [Fact]
    public async Task Fifty_grants_decided_at_once_never_exceed_the_pot()
    {
        var round = AltaWithPot(286_390);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50)
            .Select(i => ledger.ReserveAsync(round, $"ALT-2027-{i:0000}", 10_000, Ct)));

        int reserved = outcomes.Count(o => o is PotReservation.Reserved);
        Assert.Equal(28, reserved);
        Assert.Equal(22, outcomes.Count(o => o is PotReservation.Refused));
        Assert.Equal(280_000, (await ledger.BalanceAsync(round, Ct)).Granted);
    }

    [Fact]
    public async Task A_released_grant_goes_back_to_the_pot()
    {
        var round = AltaWithPot(50_000);
        await ledger.ReserveAsync(round, "ALT-2027-0006", 50_000, Ct);

        var balance = await ledger.ReleaseAsync(round, "ALT-2027-0006", Ct);

        Assert.Equal(0, balance.Granted);
        Assert.IsType<PotReservation.Reserved>(await ledger.ReserveAsync(round, "ALT-2027-0007", 50_000, Ct));
    }

    [Fact]
    public async Task A_round_without_a_pot_takes_every_grant()
    {
        var round = RoundCatalog.ForYear("oslo", 2027) with { Id = $"oslo-test-{Guid.NewGuid():N}" };

        var outcome = await ledger.ReserveAsync(round, "OSL-2027-0001", 1_000_000, Ct);

        Assert.IsType<PotReservation.Reserved>(outcome);
        Assert.Null(outcome.Balance.Left);
    }
}
