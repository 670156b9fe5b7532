using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The follow-up of actions once on the table stores (actions and the follow-up's row, on Azurite); JourneyBot.Conversation.Tests plays it in memory.</summary>
public sealed class TableActionFollowUpTests : ActionFollowUpTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
