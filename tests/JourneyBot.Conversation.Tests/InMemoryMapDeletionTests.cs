using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Conversation.Tests;

/// <summary>Deleting maps and closing a team's sessions on the in-memory stores.</summary>
public sealed class InMemoryMapDeletionTests : MapDeletionTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();

    protected override Task<IReadOnlyList<string>> LeftOfAsync(MappingSession session, string mapId)
    {
        var left = new List<string>();
        if (((InMemoryMapStore)session.Store).HoldsAnythingOf(session.Scope.TeamKey, mapId))
        {
            left.Add("map entries");
        }

        if (((InMemoryRoundStore)session.Services.GetRequiredService<IRoundStore>()).HoldsAnythingOf(session.Scope.TeamKey, mapId))
        {
            left.Add("round entries");
        }

        return Task.FromResult<IReadOnlyList<string>>(left);
    }
}
