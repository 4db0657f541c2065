using Tilskudd.Infrastructure.Registers;

namespace Tilskudd.Infrastructure.Tests.Registers;

public sealed class RegisterAnswerCacheTests
{
    [Fact]
    public async Task A_flood_of_made_up_numbers_keeps_no_more_answers_than_the_bound()
    {
        using var cache = new RegisterAnswerCache();

        for (int i = 0; i < 3 * RegisterAnswerCache.MaxKept; i++)
        {
            cache.Keep($"9{i:00000000}", null, EnhetsregisteretClient.UnknownFor);
        }

        await Task.Delay(200, TestContext.Current.CancellationToken); // compaction runs in the background
        Assert.InRange(cache.Count, 1, RegisterAnswerCache.MaxKept);
    }

    [Fact]
    public void An_answer_kept_is_found_until_it_is_no_longer_believed()
    {
        using var cache = new RegisterAnswerCache();

        cache.Keep("912345688", null, TimeSpan.FromHours(1));
        cache.Keep("987654325", null, TimeSpan.FromTicks(1));

        Assert.True(cache.TryGet("912345688", out _));
        Assert.False(cache.TryGet("987654325", out _));
    }
}
