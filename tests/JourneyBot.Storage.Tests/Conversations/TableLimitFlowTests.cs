using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The limits and departments once on the table store (on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableLimitFlowTests : LimitFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
