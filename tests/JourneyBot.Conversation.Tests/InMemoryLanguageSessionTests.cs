using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>Sessions typed in Spanish and Romanian on the in-memory store.</summary>
public sealed class InMemoryLanguageSessionTests : LanguageSessionTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
