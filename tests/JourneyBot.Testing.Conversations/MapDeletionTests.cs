using JourneyBot.Conversation;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Lifecycle;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;
using static JourneyBot.Testing.Conversations.RoundFlowTests;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Deleting maps (<c>delete map</c>, <c>delete all maps</c>) and closing a team's sessions when the
/// bot is removed, on the stores of the subclass (in memory in JourneyBot.Conversation.Tests, on
/// Azurite in JourneyBot.Storage.Tests, which also reads the whole table for what is left).
/// Alex facilitates "Shoe journey" in the team channel, at the contributions step, with items,
/// a round of questions sent to Megan and Isaiah (Megan answered in her 1:1 chat); Megan
/// facilitates "Store visits" in another channel of the same team.
/// </summary>
public abstract class MapDeletionTests
{
    private const string OtherChannel = "19:stores@thread.tacv2;messageid=1700000000777";

    private static readonly RosterMember[] Team =
    [
        new(Alex, "29:alex", "Marketing", "Europe/Bucharest"),
        new(Megan, "29:megan", "Marketing", "Europe/Bucharest"),
        new(Isaiah, "29:isaiah", "Sales", "Europe/Bucharest"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    /// <summary>What storage still keeps of the map (rows, entries), described; empty when nothing.</summary>
    protected abstract Task<IReadOnlyList<string>> LeftOfAsync(MappingSession session, string mapId);

    [Fact]
    public async Task Only_the_facilitator_may_delete_a_map_after_confirming_and_then_nothing_of_it_is_left_and_the_other_map_is_untouched()
    {
        await using var session = await TwoMapsAsync();
        var shoes = await session.MapAsync();
        var stores = await OtherMapAsync(session);
        var otherBoard = await session.Store.GetBoardAsync(session.Scope.TeamKey, stores.Id, Ct);
        // A version published earlier (the map was reopened since), kept as the page shows it.
        await session.Store.PutPublishedAsync(session.Scope.TeamKey, shoes.Id, 1, new PublishedMap(shoes, await session.BoardAsync()), Ct);
        Assert.NotEmpty(await LeftOfAsync(session, shoes.Id));

        // Megan may not, typed or by pressing Alex's card.
        var refused = await session.SayAsync(Megan, "delete map Shoe journey");
        Assert.Contains("Only Alex Wilber, who facilitates “Shoe journey”, can delete the map.", Assert.Single(refused.Messages).Text, StringComparison.Ordinal);
        var card = Assert.Single((await session.SayAsync(Alex, "delete map shoe JOURNEY")).Messages).Card!;
        Assert.Contains("Delete “Shoe journey” for good?", CardText.Of(card), StringComparison.Ordinal);
        var pressedByMegan = await session.PressAsync(Megan, "Delete", null, card);
        Assert.Contains("Only Alex Wilber", Assert.Single(pressedByMegan.Messages).Text, StringComparison.Ordinal);
        Assert.Null(pressedByMegan.CardUpdate);

        // Keep deletes nothing.
        var kept = await session.PressAsync(Alex, "Keep", null, card);
        Assert.Equal("Kept: nothing was deleted.", CardText.Of(kept.CardUpdate!).Trim());
        Assert.Equal(shoes.Id, (await session.MapAsync()).Id);

        var deleted = await session.PressAsync(Alex, "Delete", null, card);

        Assert.Contains("Deleted “Shoe journey” and everything stored for it.", CardText.Of(deleted.CardUpdate!), StringComparison.Ordinal);
        Assert.Empty(deleted.Messages);
        Assert.Empty(await LeftOfAsync(session, shoes.Id));
        Assert.Null(await session.Store.GetPublishedAsync(session.Scope.TeamKey, shoes.Id, 1, Ct));
        Assert.Null(await session.Store.GetConversationMapAsync(session.Scope, Ct));
        Assert.Equal(["Store visits"], (await session.Store.ListMapsAsync(session.Scope.TeamKey, Ct)).Select(m => m.Name));
        Assert.Empty(await session.Rounds.ListChatAsksAsync("a:megan", Ct));
        Assert.Contains(session.Timers.Dropped, t => t.Round.MapId == shoes.Id && t.MemberId is null);
        Assert.Contains(session.Timers.Dropped, t => t.Round.MapId == shoes.Id && t.MemberId == Isaiah.Id);

        // The other map, and what the team knows of its members, are as they were.
        Assert.Equal(MapStatus.Active, (await OtherMapAsync(session)).Status);
        Assert.Equivalent(otherBoard, await session.Store.GetBoardAsync(session.Scope.TeamKey, stores.Id, Ct));
        Assert.Equal("Marketing", (await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Ct))?.Department);

        // The card pressed again, or the name typed again: nothing left to delete.
        Assert.Contains("deleted already", CardText.Of((await session.PressAsync(Alex, "Delete", null, card)).CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("I found no map called “Shoe journey”", Assert.Single((await session.SayAsync(Alex, "delete map Shoe journey")).Messages).Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_all_maps_deletes_only_the_maps_the_member_facilitates()
    {
        await using var session = await TwoMapsAsync();
        await session.SayAsync(Alex, "start Returns", InChannel);
        await session.PressAsync(Alex, "Archive it and start the new map");
        var mine = (await session.Store.ListMapsAsync(session.Scope.TeamKey, Ct)).Where(m => m.Name != "Store visits").ToList();
        Assert.Equal(2, mine.Count);

        var card = Assert.Single((await session.SayAsync(Alex, "delete all maps")).Messages).Card!;
        Assert.Contains("Delete all 2 maps you facilitate here for good?", CardText.Of(card), StringComparison.Ordinal);
        var deleted = await session.PressAsync(Alex, "Delete", null, card);

        Assert.Contains("Deleted 2 maps", CardText.Of(deleted.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(["Store visits"], (await session.Store.ListMapsAsync(session.Scope.TeamKey, Ct)).Select(m => m.Name));
        foreach (var map in mine)
        {
            Assert.Empty(await LeftOfAsync(session, map.Id));
        }

        Assert.Contains("nothing of yours to delete", Assert.Single((await session.SayAsync(Alex, "delete all maps")).Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_bot_archives_the_maps_being_made_closes_their_round_and_drops_its_timers_and_deletes_nothing()
    {
        await using var session = await TwoMapsAsync();
        var shoes = await session.MapAsync();
        var key = new RoundKey(session.Scope.TeamKey, shoes.Id, shoes.LatestRound);

        var archived = await session.Services.GetRequiredService<TeamSessions>().CloseAllAsync(session.Scope.TeamKey, Ct);

        Assert.Equal(2, archived);
        Assert.Equal(MapStatus.Archived, (await session.MapAsync()).Status);
        Assert.Equal(MapStatus.Archived, (await OtherMapAsync(session)).Status);
        Assert.Equal(RoundState.Closed, (await session.Rounds.GetAsync(key.TeamKey, key.MapId, key.Number, Ct))!.State);
        Assert.Contains(session.Timers.Dropped, t => t.Round == key && t.MemberId is null);
        Assert.Contains(session.Timers.Dropped, t => t.Round == key && t.MemberId == Isaiah.Id);
        Assert.NotEmpty((await session.BoardAsync()).Items);
        Assert.Equal(2, (await session.Store.ListMapsAsync(session.Scope.TeamKey, Ct)).Count);
    }

    // Alex's map with items and a round (Megan answered in her chat); Megan's map in another channel with an item.
    [Fact]
    public async Task Delete_sees_only_the_maps_of_this_channel_or_chat()
    {
        await using var session = await TwoMapsAsync();
        Func<UserTurn, UserTurn> privateChannel = turn => InChannel(turn) with
        {
            Scope = new MapScope(session.Scope.TeamKey, "19:private@thread.tacv2;messageid=1700000000888"),
        };
        await session.SayAsync(Alex, "start Private plans", privateChannel);

        var typed = await session.SayAsync(Alex, "delete map Private plans");
        var card = Assert.Single((await session.SayAsync(Alex, "delete all maps")).Messages).Card!;

        Assert.Contains("I found no map called “Private plans” here", Assert.Single(typed.Messages).Text, StringComparison.Ordinal);
        Assert.Contains("Delete the 1 map you facilitate here for good?", CardText.Of(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Private plans", CardText.Of(card), StringComparison.Ordinal);
        Assert.Contains("Private plans", (await session.Store.ListMapsAsync(session.Scope.TeamKey, Ct)).Select(m => m.Name));
    }

    private async Task<MappingSession> TwoMapsAsync()
    {
        var session = await StartSessionAsync();
        session.Roster.Members = Team;
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "template");
        await session.SayAsync(Megan, "department Marketing", InChannel);
        await session.SayAsync(Megan, "pain Purchase | Checkout is slow", InChannel);
        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;
        var sent = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        var megans = sent.Direct.Single(d => d.To.Member == Megan);

        // The host delivers her question to her 1:1 chat and notes the chat, as DirectDelivery does.
        var key = new RoundKey(session.Scope.TeamKey, (await session.MapAsync()).Id, 1);
        var ask = await session.Rounds.GetAskAsync(key.TeamKey, key.MapId, 1, Megan.Id, Ct);
        await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, 1, ask! with { ChatId = "a:megan" }, Ct);
        await session.Rounds.AddChatAskAsync("a:megan", key, Ct);
        await session.PressAsync(Megan, "+ Goal › Add", new() { ["goal.stage"] = "s1", ["goal.text"] = "Find a first pair fast", ["goal.evidence"] = "reported" }, megans.Card, InChat("a:megan"));

        Func<UserTurn, UserTurn> elsewhere = turn => InChannel(turn) with { Scope = new MapScope(session.Scope.TeamKey, OtherChannel) };
        foreach (var line in new[] { "start Store visits", "Fewer empty visits", "next", "next", "next", "template", "next", "touchpoint Purchase | store | Tries shoes on" })
        {
            await session.SayAsync(Megan, line, elsewhere);
        }

        return session;
    }

    private static async Task<JourneyMap> OtherMapAsync(MappingSession session) =>
        (await session.Store.GetConversationMapAsync(new MapScope(session.Scope.TeamKey, OtherChannel), Ct))?.Map
        ?? throw new InvalidOperationException("The other channel holds no map.");
}
