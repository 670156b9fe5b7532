using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

/// <summary>A class of the store's contract tests: its own fresh table (<see cref="StoreFixture"/>), and shorthands.</summary>
public abstract class StoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected StoreFixture Fixture => fixture;

    protected IMapStore Store => fixture.Store;

    /// <summary>The map the conversation holds, as read (the test expects one).</summary>
    protected async Task<StoredMap> HeldAsync(MapScope scope) =>
        await Store.GetConversationMapAsync(scope, Cancel) ?? throw new InvalidOperationException("The conversation holds no map.");

    /// <summary>Places a new map in the (empty) conversation and reads it back.</summary>
    protected async Task<StoredMap> HoldAsync(MapScope scope, string id, string name = "Onboarding")
    {
        Assert.NotNull(await Store.TryPlaceAsync(scope, Maps.NewMap(scope, id, name), null, Cancel));
        return await HeldAsync(scope);
    }

    /// <summary>A row as stored, past the store, to see its properties as the service keeps them.</summary>
    protected async Task<TableEntity> RowAsync(string teamKey, string rowKey) =>
        (await fixture.Table.GetEntityAsync<TableEntity>(KeyEncoder.Encode(teamKey), rowKey, cancellationToken: Cancel)).Value;

    /// <summary>The ids on the team's shelf, newest first.</summary>
    protected async Task<IEnumerable<string>> MapIdsAsync(string teamKey) =>
        (await Store.ListMapsAsync(teamKey, Cancel)).Select(m => m.Id);
}
