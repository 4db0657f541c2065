using Tilskudd.Infrastructure.Applications;

namespace Tilskudd.Infrastructure.Tests.Applications;

public sealed class ReferenceSequenceTests(StorageFixture fixture)
{
    [Fact]
    public async Task A_round_numbers_from_one_upwards()
    {
        var sequence = new ReferenceSequence(fixture.Storage);
        string round = $"alta-seq-{Guid.NewGuid():N}";

        Assert.Equal(1, await sequence.NextAsync(round, TestContext.Current.CancellationToken));
        Assert.Equal(2, await sequence.NextAsync(round, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Forty_numbers_taken_at_once_are_forty_different_numbers_without_gaps()
    {
        var sequence = new ReferenceSequence(fixture.Storage);
        string round = $"alta-seq-{Guid.NewGuid():N}";

        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => sequence.NextAsync(round, TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 40), numbers.Order());
    }

    [Fact]
    public async Task Two_processes_taking_numbers_of_one_round_at_once_never_get_the_same_number()
    {
        // Two sequences stand for two hosts: each serialises its own submits, the ETag keeps them apart.
        var first = new ReferenceSequence(fixture.Storage);
        var second = new ReferenceSequence(fixture.Storage);
        string round = $"alta-seq-{Guid.NewGuid():N}";

        var numbers = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(i => (i % 2 == 0 ? first : second).NextAsync(round, TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 30), numbers.Order());
    }
}
