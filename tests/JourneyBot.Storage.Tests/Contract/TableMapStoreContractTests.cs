using JourneyBot.Conversation;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The contract, kept by the store the bot gets (the table store under its cache) on a fresh table of Azurite.</summary>
public sealed class TableMapStoreContractTests(StoreFixture fixture) : MapStoreContractTests, IClassFixture<StoreFixture>
{
    protected override IMapStore Store => fixture.Store;
}
