using JourneyBot.Conversation.Validation;
using JourneyBot.Testing;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The validation store's contract, kept by the test kit's in-memory store: a new store for every test.</summary>
public sealed class InMemoryValidationStoreContractTests : ValidationStoreContractTests
{
    protected override IValidationStore Store { get; } = new InMemoryValidationStore();
}
