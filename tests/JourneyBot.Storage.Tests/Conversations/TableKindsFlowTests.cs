using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The kinds and moments of truth flows once on the table store (on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableKindsFlowTests : KindsFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
