namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="Conversation.IMapStore"/> must do, whatever keeps the maps: optimistic
/// versions (a stale save or place returns null), placing and shelving, the shelf newest first,
/// items, votes and members one per entry, redelivered items refused, odd keys kept apart, and all
/// of it under concurrent callers. One subclass per store runs it:
/// <see cref="TableMapStoreContractTests"/> and <see cref="InMemoryMapStoreContractTests"/>.
/// </summary>
/// <remarks>
/// Split by area over partial files (<c>MapStoreContractTests.*.cs</c>). What only the table store
/// has (rows, round trips, its cache, big documents) is tested apart, on <see cref="TableStoreTests"/>.
/// </remarks>
public abstract partial class MapStoreContractTests : StoreTests
{
    /// <summary>
    /// Runs <paramref name="count"/> calls, each on a thread pool thread of its own and released
    /// together, so a store that answers synchronously (the in-memory one) meets callers as truly
    /// concurrent as the requests the table store meets.
    /// </summary>
    protected static async Task<T[]> ConcurrentlyAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(calls);
    }
}
