using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Messages that do not mention the bot, which Teams delivers under resource-specific consent: in a
/// thread with an active map, commands and complete items are taken; everything else is members
/// talking to each other and is left alone.
/// </summary>
public sealed class OverheardMessageTests
{
    [Theory]
    [InlineData("Lunch at noon?")]
    [InlineData("start Secret plan")]
    [InlineData("department Sales")]
    [InlineData("status")]
    [InlineData("help")]
    [InlineData("pain Awareness | The price is a secret")]
    public async Task Outside_a_map_nothing_overheard_is_answered_or_stored(string text)
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        var outcome = await session.OverhearAsync(Megan, text);

        AssertIgnored(outcome);
        Assert.Null(await session.Store.GetConversationMapAsync(session.Scope, Cancel));
        Assert.Empty(await session.Store.ListMapsAsync(session.Scope.TeamKey, Cancel));
        Assert.Null(await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel));
    }

    [Fact]
    public async Task In_an_active_maps_thread_an_item_without_a_mention_is_added_and_undo_takes_it_back()
    {
        await using var session = await OpenContributionsAsync("Overheard");

        var added = await session.OverhearAsync(Megan, "touchpoint Buy | website | Pays by card");

        Assert.False(added.Ignored);
        var item = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal(("Pays by card", Megan.Id), (item.Text, item.Author.Id));

        var undone = await session.OverhearAsync(Megan, "undo");

        Assert.False(undone.Ignored);
        Assert.Empty((await session.BoardAsync()).Items);
    }

    [Theory]
    [InlineData("Lunch at noon?")]
    [InlineData("Action items for Monday: call the courier")]
    [InlineData("pain is real today")]
    [InlineData("remove the banner from the checkout")]
    [InlineData("department heads meet at three")]
    [InlineData("start again after the break")]
    public async Task In_an_active_maps_thread_talk_is_left_alone(string text)
    {
        await using var session = await OpenContributionsAsync("Chatter");
        var before = await session.MapAsync();

        var outcome = await session.OverhearAsync(Megan, text);

        AssertIgnored(outcome);
        Assert.Empty((await session.BoardAsync()).Items);
        Assert.Null(await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel));
        var after = await session.MapAsync();
        Assert.Equal((before.Id, before.Name, before.Step), (after.Id, after.Name, after.Step));
    }

    [Fact]
    public async Task A_command_said_as_one_word_is_answered_without_a_mention()
    {
        await using var session = await OpenContributionsAsync("One word");

        var status = await session.OverhearAsync(Megan, "status");

        Assert.False(status.Ignored);
        Assert.NotEmpty(status.Messages);
    }

    [Fact]
    public async Task Talk_while_the_facilitator_sets_the_map_up_never_becomes_an_answer()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.SayAsync(Alex, "start Setup talk");

        var chatter = await session.OverhearAsync(Alex, "Let's grab lunch first");
        var itemLike = await session.OverhearAsync(Alex, "pain Buy | waiting in line");

        AssertIgnored(chatter);
        AssertIgnored(itemLike);
        var map = await session.MapAsync();
        Assert.Null(map.Objective);
        Assert.Equal(MapStep.Objective, map.Step);

        await session.SayAsync(Alex, "Fewer abandoned baskets");

        Assert.Equal("Fewer abandoned baskets", (await session.MapAsync()).Objective);
    }

    [Fact]
    public async Task In_the_thread_of_a_map_that_ended_nothing_overheard_is_answered()
    {
        await using var session = await OpenContributionsAsync("Ended");
        await session.SayAsync(Megan, "touchpoint Buy | website | Pays by card");
        await session.SayAsync(Alex, "cancel");
        Assert.Equal(MapStatus.Cancelled, (await session.MapAsync()).Status);

        AssertIgnored(await session.OverhearAsync(Megan, "status"));
        AssertIgnored(await session.OverhearAsync(Megan, "touchpoint Buy | store | Tries shoes on"));
        Assert.Single((await session.BoardAsync()).Items);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A session in memory whose facilitator, Alex, has opened the contributions of a map with two stages.
    private static async Task<MappingSession> OpenContributionsAsync(string mapName)
    {
        var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, mapName, "Browse, Buy");
        return session;
    }

    private static void AssertIgnored(TurnOutcome outcome)
    {
        Assert.True(outcome.Ignored);
        Assert.Empty(outcome.Messages);
        Assert.Null(outcome.CardUpdate);
        Assert.Null(outcome.NewProgressCard);
        Assert.False(outcome.ProgressChanged);
    }
}
