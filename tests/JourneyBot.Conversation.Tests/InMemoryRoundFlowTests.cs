using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The rounds of questions on the in-memory stores.</summary>
public sealed class InMemoryRoundFlowTests : RoundFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
