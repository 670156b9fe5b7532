using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>Typed text read right in three languages, on the in-memory store.</summary>
public sealed class InMemoryTypedTextTests : TypedTextTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
