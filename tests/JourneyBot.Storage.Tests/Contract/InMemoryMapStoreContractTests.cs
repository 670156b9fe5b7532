using JourneyBot.Conversation;
using JourneyBot.Testing;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// The contract, kept by the test kit's in-memory store, which the conversation's tests and the
/// benchmarks run on: a new store for every test.
/// </summary>
public sealed class InMemoryMapStoreContractTests : MapStoreContractTests
{
    protected override IMapStore Store { get; } = new InMemoryMapStore(new StepClock());
}
