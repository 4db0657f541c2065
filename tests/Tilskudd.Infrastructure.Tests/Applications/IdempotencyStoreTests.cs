using Tilskudd.Infrastructure.Applications;

namespace Tilskudd.Infrastructure.Tests.Applications;

public sealed class IdempotencyStoreTests(StorageFixture fixture)
{
    readonly IdempotencyStore store = new(fixture.Storage);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_two_claims_on_one_key_the_first_wins_and_the_second_is_told_its_reference()
    {
        string round = $"alta-idem-{Guid.NewGuid():N}";
        var first = new IdempotentSubmit("ALT-2027-0001", "hash-a", DateTimeOffset.UnixEpoch, Completed: false);
        var second = new IdempotentSubmit("ALT-2027-0002", "hash-a", DateTimeOffset.UnixEpoch, Completed: false);

        var won = await store.ClaimAsync(round, "key-1", first, Ct);
        var lost = await store.ClaimAsync(round, "key-1", second, Ct);

        Assert.Equal("ALT-2027-0001", won.Reference);
        Assert.Equal("ALT-2027-0001", lost.Reference);
    }

    [Fact]
    public async Task A_claim_is_marked_completed_once_its_case_has_started()
    {
        string round = $"alta-idem-{Guid.NewGuid():N}";
        await store.ClaimAsync(round, "key-2", new IdempotentSubmit("ALT-2027-0003", "hash-b", DateTimeOffset.UnixEpoch, Completed: false), Ct);

        await store.MarkCompletedAsync(round, "key-2", Ct);

        var found = await store.FindAsync(round, "key-2", Ct);
        Assert.True(found!.Completed);
        Assert.Equal("hash-b", found.RequestHash);
    }

    [Fact]
    public async Task Keys_of_any_text_are_kept_apart()
    {
        string round = $"alta-idem-{Guid.NewGuid():N}";
        await store.ClaimAsync(round, "a/b#c?d", new IdempotentSubmit("ALT-2027-0004", "h", DateTimeOffset.UnixEpoch, false), Ct);

        Assert.Null(await store.FindAsync(round, "a/b#c?e", Ct));
        Assert.Equal("ALT-2027-0004", (await store.FindAsync(round, "a/b#c?d", Ct))!.Reference);
    }
}
