using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The demo in each language, on the in-memory store.</summary>
public sealed class InMemoryDemoLanguageTests : DemoLanguageTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
