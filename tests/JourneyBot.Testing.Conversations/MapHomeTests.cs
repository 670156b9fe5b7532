using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Who may see and change a map: a map belongs to the conversation it was started in (another
/// conversation of the same team, such as a private channel, neither lists nor opens it) until its
/// facilitator moves it; only the facilitator re-opens a finished map, and re-opening keeps what
/// was published. On the store of the subclass (in memory, and on Azurite).
/// </summary>
public abstract class MapHomeTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Another conversation of the session's team: a thread of a private channel.
    private static MapScope OtherConversation(MappingSession session) =>
        session.Scope with { ConversationKey = "19:private@thread.tacv2;messageid=1700000000002" };

    // Another thread (a new post) of the session's channel: the same members.
    private static MapScope AnotherThreadOfTheChannel(MappingSession session) =>
        session.Scope with { ConversationKey = "19:general@thread.tacv2;messageid=1700000000009" };

    [Fact]
    public async Task Another_thread_of_the_same_channel_lists_and_opens_the_map()
    {
        await using var session = await StartSessionAsync();
        var thread = AnotherThreadOfTheChannel(session);
        Assert.StartsWith("19:general@thread.tacv2;messageid=", session.Scope.ConversationKey, StringComparison.Ordinal);
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Alex, "start Second map");
        await session.PressAsync(Alex, "Archive it and start the new map");

        var list = await session.SayAsync(Megan, "maps", turn => turn with { Scope = thread });
        await session.SayAsync(Alex, "open Shoe journey", turn => turn with { Scope = thread });

        Assert.Contains("Shoe journey: archived", list.ToString(), StringComparison.Ordinal);
        var there = (await session.Store.GetConversationMapAsync(thread, Cancel))!.Map;
        Assert.Equal(("Shoe journey", MapStatus.Active), (there.Name, there.Status));
    }

    [Fact]
    public async Task Another_conversation_of_the_team_neither_lists_nor_opens_a_map()
    {
        await using var session = await StartSessionAsync();
        var other = OtherConversation(session);
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Alex, "archive");

        var list = await session.SayAsync(Megan, "maps", turn => turn with { Scope = other });
        var open = await session.SayAsync(Alex, "open Shoe journey", turn => turn with { Scope = other });

        Assert.DoesNotContain("Shoe journey", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("I found no map called “Shoe journey” here", open.ToString(), StringComparison.Ordinal);
        Assert.Null(await session.Store.GetConversationMapAsync(other, Cancel));
        var map = await session.MapAsync();
        Assert.Equal((MapStatus.Archived, session.Scope.ConversationKey), (map.Status, map.ConversationKey));
        Assert.Contains("Shoe journey: archived", (await session.SayAsync(Megan, "maps")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shelved_map_opens_in_another_conversation_only_once_its_facilitator_moved_it_there()
    {
        await using var session = await StartSessionAsync();
        var other = OtherConversation(session);
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Alex, "start Second map");
        await session.PressAsync(Alex, "Archive it and start the new map");

        var refused = await session.SayAsync(Alex, "open Shoe journey", turn => turn with { Scope = other });
        Assert.Contains("I found no map called “Shoe journey” here", refused.ToString(), StringComparison.Ordinal);
        Assert.Null(await session.Store.GetConversationMapAsync(other, Cancel));

        await session.SayAsync(Alex, "move Shoe journey", turn => turn with { Scope = other });
        await session.SayAsync(Alex, "open Shoe journey", turn => turn with { Scope = other });

        var there = (await session.Store.GetConversationMapAsync(other, Cancel))!.Map;
        Assert.Equal(("Shoe journey", MapStatus.Active, other.ConversationKey), (there.Name, there.Status, there.ConversationKey));
        Assert.Equal("Second map", (await session.MapAsync()).Name);
        Assert.Null(await session.Store.GetShelvedAsync(other.TeamKey, there.Id, Cancel));
    }

    [Fact]
    public async Task Only_the_facilitator_moves_a_map_to_another_conversation_which_then_alone_lists_it()
    {
        await using var session = await StartSessionAsync();
        var other = OtherConversation(session);
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Megan, "touchpoint Awareness | email | Moves with the map");
        await session.SayAsync(Alex, "archive");

        var refused = await session.SayAsync(Megan, "move Shoe journey", turn => turn with { Scope = other });
        Assert.Contains("You facilitate no map called “Shoe journey”", refused.ToString(), StringComparison.Ordinal);
        Assert.Null(await session.Store.GetConversationMapAsync(other, Cancel));

        var moved = await session.SayAsync(Alex, "move Shoe journey", turn => turn with { Scope = other });

        Assert.Contains("I moved “Shoe journey” here", moved.ToString(), StringComparison.Ordinal);
        var there = (await session.Store.GetConversationMapAsync(other, Cancel))!.Map;
        Assert.Equal(("Shoe journey", MapStatus.Archived, other.ConversationKey), (there.Name, there.Status, there.ConversationKey));
        Assert.Null(await session.Store.GetConversationMapAsync(session.Scope, Cancel));
        Assert.DoesNotContain("Shoe journey", (await session.SayAsync(Megan, "maps")).ToString(), StringComparison.Ordinal);
        Assert.Contains("Shoe journey: archived", (await session.SayAsync(Megan, "maps", turn => turn with { Scope = other })).ToString(),
            StringComparison.Ordinal);
        Assert.Equal("Moves with the map", Assert.Single((await session.Store.GetBoardAsync(other.TeamKey, there.Id, Cancel)).Items).Text);
    }

    [Fact]
    public async Task Only_the_facilitator_reopens_a_published_map_and_reopening_keeps_what_was_published()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Megan, "touchpoint Awareness | email | Spring newsletter");
        await session.SayAsync(Alex, "publish");
        var published = await session.MapAsync();
        Assert.Equal(MapStatus.Published, published.Status);

        var refused = await session.SayAsync(Megan, "open Shoe journey");

        Assert.Contains("Only Alex Wilber, who facilitates “Shoe journey”, can open the map again", refused.ToString(), StringComparison.Ordinal);
        var after = await session.MapAsync();
        Assert.Equal((MapStatus.Published, published.PublishedAt, Alex), (after.Status, after.PublishedAt, after.PublishedBy));

        await session.SayAsync(Alex, "open Shoe journey");

        var reopened = await session.MapAsync();
        Assert.Equal((MapStatus.Active, published.PublishedAt, Alex), (reopened.Status, reopened.PublishedAt, reopened.PublishedBy));
    }

    [Fact]
    public async Task Only_the_facilitator_reopens_an_archived_map_from_the_shelf()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Alex, "archive");
        await session.SayAsync(Megan, "start Second map");
        await session.SayAsync(Megan, "cancel");

        var refused = await session.SayAsync(Megan, "open Shoe journey");

        Assert.Contains("Only Alex Wilber, who facilitates “Shoe journey”, can open the map again", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(("Second map", MapStatus.Cancelled), ((await session.MapAsync()).Name, (await session.MapAsync()).Status));
        var line = (await session.Store.ListMapsAsync(session.Scope.TeamKey, Cancel)).Single(m => m.Name == "Shoe journey");
        Assert.Equal(MapStatus.Archived, line.Status);
    }
}
