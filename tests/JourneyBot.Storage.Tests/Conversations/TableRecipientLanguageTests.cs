using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>Each member's own cards in their language, on the table stores (Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableRecipientLanguageTests : RecipientLanguageTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
