using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The kinds, moments of truth and start-point coaching flows on the in-memory store.</summary>
public sealed class InMemoryKindsFlowTests : KindsFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
