using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>Who may see and change a map, on the in-memory store.</summary>
public sealed class InMemoryMapHomeTests : MapHomeTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
