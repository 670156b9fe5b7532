using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>Who may see and change a map, once on the table store (on Azurite); JourneyBot.Conversation.Tests plays it in memory.</summary>
public sealed class TableMapHomeTests : MapHomeTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
