using JourneyBot.Conversation.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The validation store's contract, kept by the store the bot gets (AddTableMapStore) on a fresh table of Azurite.</summary>
public sealed class TableValidationStoreContractTests(StoreFixture fixture) : ValidationStoreContractTests, IClassFixture<StoreFixture>
{
    protected override IValidationStore Store => fixture.Services.GetRequiredService<IValidationStore>();
}
