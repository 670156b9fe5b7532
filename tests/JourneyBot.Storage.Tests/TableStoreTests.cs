using Azure.Data.Tables;
using JourneyBot.Conversation;

namespace JourneyBot.Storage.Tests;

/// <summary>
/// A class of tests of what only the table store has (rows, round trips, its cache, big documents):
/// its own fresh table (<see cref="StoreFixture"/>), and a look at the rows past the store.
/// </summary>
public abstract class TableStoreTests(StoreFixture fixture) : StoreTests, IClassFixture<StoreFixture>
{
    protected StoreFixture Fixture => fixture;

    protected override IMapStore Store => fixture.Store;

    /// <summary>A row as stored, past the store, to see its properties as the service keeps them.</summary>
    protected async Task<TableEntity> RowAsync(string teamKey, string rowKey) =>
        (await fixture.Table.GetEntityAsync<TableEntity>(KeyEncoder.Encode(teamKey), rowKey, cancellationToken: Cancel)).Value;
}
