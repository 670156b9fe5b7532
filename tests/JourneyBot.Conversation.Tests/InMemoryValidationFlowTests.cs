using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The validation round on the in-memory stores.</summary>
public sealed class InMemoryValidationFlowTests : ValidationFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
