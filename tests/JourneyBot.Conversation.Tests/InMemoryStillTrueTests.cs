using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The "Still true?" reviews on the in-memory stores.</summary>
public sealed class InMemoryStillTrueTests : StillTrueTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
