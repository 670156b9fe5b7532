using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>Which turns tell the host that the living progress card needs an update.</summary>
public sealed class ProgressChangeTests
{
    [Fact]
    public async Task Stages_typed_after_going_back_from_the_contributions_update_the_progress_card()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Progress check", "Browse, Buy");
        await session.SayAsync(Alex, "back");

        var retyped = await session.SayAsync(Alex, "Browse, Compare, Buy");

        Assert.Equal(["Browse", "Compare", "Buy"], (await session.MapAsync()).Stages.Select(s => s.Name));
        Assert.True(retyped.ProgressChanged);
    }

    [Fact]
    public async Task A_status_changes_nothing_the_progress_card_shows()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Progress check", "Browse, Buy");

        var status = await session.SayAsync(Megan, "status");
        var added = await session.SayAsync(Megan, "touchpoint Browse | website | Looks for the delivery cost");

        Assert.False(status.ProgressChanged);
        Assert.True(added.ProgressChanged);
    }
}
