using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The "Still true?" reviews once on the table stores (the review on the map's document, the stamp on the item's row, on Azurite); JourneyBot.Conversation.Tests plays them in memory.</summary>
public sealed class TableStillTrueTests : StillTrueTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
