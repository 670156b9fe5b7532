using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>Sessions typed in Spanish and Romanian on the table store (on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableLanguageSessionTests : LanguageSessionTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
