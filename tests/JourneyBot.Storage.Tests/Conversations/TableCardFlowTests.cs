using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The card flows once on the table store (on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableCardFlowTests : CardFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
