using JourneyBot.Testing.Conversations;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>The evidence question once on the table store (on Azurite): the unsaid mark and its answer are stored and read back.</summary>
public sealed class TableEvidenceFlowTests : EvidenceFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();
}
