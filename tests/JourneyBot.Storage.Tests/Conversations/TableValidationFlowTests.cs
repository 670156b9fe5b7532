using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The validation round on the table stores (on Azurite): answers, contradictions and the history in their own rows.</summary>
public sealed class TableValidationFlowTests : ValidationFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
