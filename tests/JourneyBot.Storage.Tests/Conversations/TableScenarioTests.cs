using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>Every scenario once on the table store (on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableScenarioTests : ScenarioTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
