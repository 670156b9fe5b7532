using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The evidence question on the in-memory store.</summary>
public sealed class InMemoryEvidenceFlowTests : EvidenceFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
