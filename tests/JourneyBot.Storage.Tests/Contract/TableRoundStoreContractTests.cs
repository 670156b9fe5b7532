using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The round store's contract, kept by the store the bot gets (AddTableMapStore) on a fresh table of Azurite.</summary>
public sealed class TableRoundStoreContractTests(StoreFixture fixture) : RoundStoreContractTests, IClassFixture<StoreFixture>
{
    protected override IRoundStore Store => fixture.Services.GetRequiredService<IRoundStore>();
}
