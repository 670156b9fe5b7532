using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// The future state (<c>future</c>): a published map starts a linked map of what the experience
/// should become, with the same stages, the current map's top pain points as what to remove and its
/// opportunities as design targets; members add to it as to any map; its card shows both curves
/// (the current one dashed) and each map's card links the other. On the store of the subclass.
/// </summary>
public abstract class FutureStateTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // The current state, published with two feelings, two pain points (one voted) and an opportunity.
    private static readonly Line[] PublishedCurrent =
    [
        .. Scenarios.Setup,
        new("Megan", "touchpoint Purchase | website | Checkout page", "Added touchpoint"),
        new("Adele", "pain Purchase | The size guide is confusing", "Added pain point"),
        new("Adele", "pain Awareness | Ads talk to marathon runners", "Added pain point"),
        new("Isaiah", "emotion Purchase | -1 | unsure", "Added emotion"),
        new("Isaiah", "emotion Awareness | 1 | curious", "Added emotion"),
        new("Megan", "opportunity Purchase | Virtual fitting from a foot photo | Product", "Added opportunity"),
        new("Alex", "next", "Step 7 of 7: Review and vote"),
        new("Megan", "vote {pain:size guide}", "voted for 1 item"),
        new("Alex", "publish", "“Shoe journey” is published"),
    ];

    [Fact]
    public async Task Future_starts_a_linked_map_with_the_same_stages_and_the_current_maps_pains_to_remove_and_opportunities_as_targets()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, PublishedCurrent);
        var current = await session.MapAsync();

        await Script.PlayAsync(session,
        [
            new("Megan", "future", "Only Alex Wilber, who facilitates “Shoe journey”, can start its future state"),
            new("Alex", "future", "Future state of “Shoe journey”", "“Shoe journey (future)”",
                "To remove (the current state's top pain points)", "The size guide is confusing — Purchase · 1 vote", "Ads talk to marathon runners — Awareness",
                "Design targets (the current state's opportunities)", "Virtual fitting from a foot photo — Product · Purchase",
                "Step 6 of 7: Contributions"),
            new("Alex", "future", "“Shoe journey (future)” is the future state of “Shoe journey” already"),
        ]);

        var future = await session.MapAsync();
        Assert.Equal(("Shoe journey (future)", MapStatus.Active, MapStep.Contribute), (future.Name, future.Status, future.Step));
        Assert.Equal(current.Stages, future.Stages);
        Assert.Equal((current.Objective, current.Persona, current.StartPoint, current.EndPoint),
            (future.Objective, future.Persona, future.StartPoint, future.EndPoint));
        Assert.Equal((current.Id, "Shoe journey", 1), (future.FutureOf!.CurrentMapId, future.FutureOf.CurrentName, future.FutureOf.CurrentVersion));
        Assert.Equal(["The size guide is confusing", "Ads talk to marathon runners"], future.FutureOf.Remove.Select(p => p.Text));
        Assert.Equal(["Virtual fitting from a foot photo"], future.FutureOf.Targets.Select(p => p.Text));
        Assert.Empty((await session.BoardAsync()).Items);

        // The current map went to the shelf as it was: published, its future named by nothing but the link.
        var shelved = (await session.Store.GetShelvedAsync(session.Scope.TeamKey, current.Id, Cancel))!.Map;
        Assert.Equal((MapStatus.Published, 1), (shelved.Status, shelved.PublishedVersion));
        var maps = (await session.SayAsync(Megan, "maps")).ToString();
        Assert.Contains("Shoe journey (future): active", maps, StringComparison.Ordinal);
        Assert.Contains("Shoe journey: published", maps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_contribute_to_the_future_map_whose_published_card_shows_both_curves_and_links_the_current_map()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, PublishedCurrent);
        var current = await session.MapAsync();
        await Script.PlayAsync(session,
        [
            new("Alex", "future", "Future state of “Shoe journey”"),
            new("Megan", "touchpoint Purchase | website | Fitting from a foot photo at checkout", "Added touchpoint"),
            new("Isaiah", "emotion Purchase | 2 | confident", "Added emotion"),
            new("Adele", "emotion Advocacy | 1 | proud", "Added emotion"),
            new("Alex", "next", "Step 7 of 7: Review and vote"),
        ]);

        var published = await session.SayAsync(Alex, "publish");

        var card = Assert.Single(published.Messages, m => m.Card is not null).Card!;
        var text = CardText.Of(card);
        Assert.Contains("“Shoe journey (future)” is published", text, StringComparison.Ordinal);
        Assert.Contains("Future state of [Shoe journey](https://journeybot.example/maps/", text, StringComparison.Ordinal);
        Assert.Contains("Dashed: the current state (v1). Solid: the future state.", text, StringComparison.Ordinal);
        Assert.Contains("The size guide is confusing", text, StringComparison.Ordinal);
        Assert.Contains("Virtual fitting from a foot photo", text, StringComparison.Ordinal);
        var curve = card.Body.OfType<Image>().Single();
        Assert.Equal(EmotionCurve.DataUri([null, null, 2, null, 1], [1, null, -1, null, null]), curve.Url);
        Assert.Equal(current.Id, (await session.MapAsync()).FutureOf!.CurrentMapId);
    }

    [Fact]
    public async Task The_current_maps_card_links_to_its_future_once_the_future_is_started()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await Script.PlayAsync(session,
        [
            new("Megan", "touchpoint Purchase | website | Checkout page", "Added touchpoint"),
            new("Alex", "publish", "“Shoe journey” is published"),
        ]);
        var v1 = session.LastCard!;
        Assert.DoesNotContain("Future state", CardText.Of(v1), StringComparison.Ordinal);

        await session.SayAsync(Alex, "future");
        var refresh = (ExecuteAction)v1.Refresh!.Action;
        var refreshed = await session.SubmitAsync(Megan, new CardSubmit(refresh.Verb, refresh.Data), turn => turn);

        var text = CardText.Of(refreshed.CardUpdate!);
        Assert.Contains("Its future state: [Shoe journey (future)](https://journeybot.example/maps/", text, StringComparison.Ordinal);
        Assert.Contains("being mapped", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_brings_either_map_back_like_any_map_here_and_the_current_maps_next_card_links_its_future()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, PublishedCurrent);
        var current = await session.MapAsync();
        await Script.PlayAsync(session,
        [
            new("Alex", "future", "Future state of “Shoe journey”"),
            new("Alex", "open Shoe journey", "“Shoe journey (future)” is being mapped here"),
            new("Megan", "touchpoint Purchase | website | Fitting from a foot photo at checkout", "Added touchpoint"),
            new("Alex", "publish", "“Shoe journey (future)” is published", "Future state of [Shoe journey]"),
            new("Alex", "open Shoe journey", "Shoe journey"),
        ]);

        var reopened = await session.MapAsync();
        Assert.Equal((current.Id, MapStatus.Active), (reopened.Id, reopened.Status));
        var future = (await session.Store.GetShelvedAsync(session.Scope.TeamKey, FutureStates.IdOf(current.Id), Cancel))!.Map;
        Assert.Equal(MapStatus.Published, future.Status);

        await Script.PlayAsync(session,
        [
            new("Alex", "publish", "“Shoe journey” is published", "Its future state: [Shoe journey (future)](https://journeybot.example/maps/", "(published)"),
            new("Alex", "future", "“Shoe journey” has a future state already: “Shoe journey (future)”"),
            new("Alex", "open Shoe journey (future)", "Shoe journey (future)"),
        ]);

        Assert.Equal((future.Id, MapStatus.Active), ((await session.MapAsync()).Id, (await session.MapAsync()).Status));
    }

    [Fact]
    public async Task A_future_whose_current_map_was_deleted_says_so_without_a_link_and_a_current_map_whose_future_was_deleted_links_none()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, PublishedCurrent);
        await Script.PlayAsync(session,
        [
            new("Alex", "future", "Future state of “Shoe journey”"),
            new("Megan", "touchpoint Purchase | website | Fitting from a foot photo at checkout", "Added touchpoint"),
        ]);
        var confirm = Assert.Single((await session.SayAsync(Alex, "delete map Shoe journey")).Messages).Card!;
        Assert.Contains("Deleted “Shoe journey”", CardText.Of((await session.PressAsync(Alex, "Delete", null, confirm)).CardUpdate!), StringComparison.Ordinal);

        var published = CardText.Of(Assert.Single((await session.SayAsync(Alex, "publish")).Messages, m => m.Card is not null).Card!);

        // The brief stays (it is kept on the future map); the link to a map that is gone does not.
        Assert.Contains("Future state of “Shoe journey”: the current map was deleted.", published, StringComparison.Ordinal);
        Assert.DoesNotContain("[Shoe journey](", published, StringComparison.Ordinal);
        Assert.Contains("The size guide is confusing", published, StringComparison.Ordinal);

        // The reverse: the current map of another pair, its future deleted, links no future on its next refresh.
        await using var other = await StartSessionAsync();
        await Script.PlayAsync(other, PublishedCurrent);
        var card = other.LastCard!;
        await other.SayAsync(Alex, "future");
        var sure = Assert.Single((await other.SayAsync(Alex, "delete map Shoe journey (future)")).Messages).Card!;
        await other.PressAsync(Alex, "Delete", null, sure);
        var refresh = (ExecuteAction)card.Refresh!.Action;
        var refreshed = CardText.Of((await other.SubmitAsync(Megan, new CardSubmit(refresh.Verb, refresh.Data), turn => turn)).CardUpdate!);
        Assert.Contains("Shoe journey", refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain("Its future state", refreshed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_published_map_of_the_current_state_starts_a_future_and_a_taken_name_is_refused()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session,
        [
            .. Scenarios.Setup,
            new("Alex", "future", "Publish “Shoe journey” first"),
            new("Megan", "touchpoint Purchase | website | Checkout page", "Added touchpoint"),
            new("Alex", "publish", "is published"),
            new("Alex", "future Shoe journey", "This conversation already has a map called “Shoe journey”"),
            new("Alex", "future Runner of tomorrow", "Future state of “Shoe journey”", "“Runner of tomorrow”"),
        ]);

        Assert.Equal("Runner of tomorrow", (await session.MapAsync()).Name);
    }
}
