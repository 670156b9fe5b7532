using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The future state of a published map, on the in-memory store.</summary>
public sealed class InMemoryFutureStateTests : FutureStateTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();
}
