using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The future state of a published map, once on the table store (on Azurite); JourneyBot.Conversation.Tests plays it in memory.</summary>
public sealed class TableFutureStateTests : FutureStateTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
