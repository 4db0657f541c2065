namespace Tilskudd.Api.Tests.Fixtures;

static class AsyncLists
{
    public static async Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(TestContext.Current.CancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
