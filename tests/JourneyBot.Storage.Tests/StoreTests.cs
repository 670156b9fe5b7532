using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

/// <summary>Shorthands over the store under test, whichever it is.</summary>
public abstract class StoreTests
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract IMapStore Store { get; }

    /// <summary>The map the conversation holds, as read (the test expects one).</summary>
    protected async Task<StoredMap> HeldAsync(MapScope scope) =>
        await Store.GetConversationMapAsync(scope, Cancel) ?? throw new InvalidOperationException("The conversation holds no map.");

    /// <summary>Places a new map in the (empty) conversation and reads it back.</summary>
    protected async Task<StoredMap> HoldAsync(MapScope scope, string id, string name = "Onboarding")
    {
        Assert.NotNull(await Store.TryPlaceAsync(scope, Maps.NewMap(scope, id, name), null, Cancel));
        return await HeldAsync(scope);
    }

    /// <summary>The ids on the team's shelf, newest first.</summary>
    protected async Task<IEnumerable<string>> MapIdsAsync(string teamKey) =>
        (await Store.ListMapsAsync(teamKey, Cancel)).Select(m => m.Id);

    /// <summary>
    /// Runs <paramref name="count"/> calls, each on a thread pool thread of its own and released
    /// together, so a store that answers synchronously (the in-memory one) meets callers as truly
    /// concurrent as the requests the table store meets (<see cref="Rounds.ConcurrentlyAsync"/>).
    /// </summary>
    protected static Task<T[]> ConcurrentlyAsync<T>(int count, Func<int, Task<T>> call) => Rounds.ConcurrentlyAsync(count, call);
}
