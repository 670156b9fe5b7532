using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>Typed text read right in three languages, on the table store (on Azurite); JourneyBot.Conversation.Tests plays it in memory.</summary>
public sealed class TableTypedTextTests : TypedTextTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
