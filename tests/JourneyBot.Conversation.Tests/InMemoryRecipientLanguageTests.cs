using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>Each member's own cards in their language, on the in-memory stores.</summary>
public sealed class InMemoryRecipientLanguageTests : RecipientLanguageTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
