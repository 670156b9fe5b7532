using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The round store's contract, kept by the test kit's in-memory store: a new store for every test.</summary>
public sealed class InMemoryRoundStoreContractTests : RoundStoreContractTests
{
    protected override IRoundStore Store { get; } = new InMemoryRoundStore();
}
