using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The follow-up of actions on the in-memory stores.</summary>
public sealed class InMemoryActionFollowUpTests : ActionFollowUpTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
