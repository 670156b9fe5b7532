using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The owner's card of an owned action on the in-memory stores.</summary>
public sealed class InMemoryOwnerCardFlowTests : OwnerCardFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
