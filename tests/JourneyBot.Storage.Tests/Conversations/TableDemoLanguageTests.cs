using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The demo in each language once on the table store (on Azurite); JourneyBot.Conversation.Tests plays it in memory.</summary>
public sealed class TableDemoLanguageTests : DemoLanguageTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
