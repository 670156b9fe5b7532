using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The rounds of questions once on the table stores (maps and rounds, on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableRoundFlowTests : RoundFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
