using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The owner's card of an owned action once on the table stores (on Azurite): its presses replace the action's row by its ETag.</summary>
public sealed class TableOwnerCardFlowTests : OwnerCardFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
