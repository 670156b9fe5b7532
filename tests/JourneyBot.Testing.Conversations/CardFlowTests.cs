using JourneyBot.Conversation;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// The same session through the cards' buttons, as members click them, on the store of the
/// subclass (in memory in JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests).
/// </summary>
public abstract class CardFlowTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    [Fact]
    public async Task A_whole_session_runs_through_the_cards_alone()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Card journey");

        var persona = await session.PressAsync(Alex, "Save", new() { ["answer"] = "Grow online shoe sales" });
        Assert.Contains("Step 2 of 7: Persona", CardText.Of(persona.CardUpdate!), StringComparison.Ordinal);
        Assert.Empty(persona.Messages);

        await session.PressAsync(Alex, "Skip");
        await session.PressAsync(Alex, "Save", new() { ["answer"] = "Decides to start running" });
        await session.PressAsync(Alex, "Save", new() { ["answer"] = "First run" });
        var stages = await session.PressAsync(Alex, "Use this template");
        Assert.Contains("Stages: 1. Awareness", CardText.Of(stages.CardUpdate!), StringComparison.Ordinal);
        var contribute = await session.PressAsync(Alex, "Continue");
        Assert.Contains("Everyone: add what you know", CardText.Of(contribute.CardUpdate!), StringComparison.Ordinal);
        var form = session.LastCard!;
        var progress = contribute.NewProgressCard!.Card;

        var added = await session.PressAsync(Megan, "+ Touchpoint › Add", new()
        {
            ["touchpoint.stage"] = "s3", ["touchpoint.text"] = "Checkout page", ["touchpoint.channel"] = "Website", ["touchpoint.evidence"] = "observed",
        }, form);
        Assert.Contains("✔ Added touchpoint", CardText.Of(added.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("which department are you in?", CardText.Of(added), StringComparison.Ordinal);
        await session.PressAsync(Megan, "Save", new() { ["department"] = "Sales" }, added.Messages.Single(m => m.Card is not null).Card);
        await session.PressAsync(Adele, "+ Pain point › Add", new()
        {
            ["pain.stage"] = "s3", ["pain.text"] = "Shipping cost shows late", ["pain.evidence"] = "reported",
        }, form);
        await session.PressAsync(Isaiah, "+ Feeling › Add", new() { ["emotion.stage"] = "s3", ["emotion.score"] = "-1", ["emotion.text"] = "wary", ["emotion.evidence"] = "reported" }, form);

        // The facilitator steers from the progress card: the review is posted, the progress card stays one.
        var review = await session.PressAsync(Alex, "Go to review (facilitator)", card: progress);
        Assert.Contains("Step 7 of 7: Review and vote", CardText.Of(Assert.Single(review.Messages).Card!), StringComparison.Ordinal);
        Assert.Contains("Card journey · progress", CardText.Of(review.CardUpdate!), StringComparison.Ordinal);
        Assert.Null(review.CardUpdate!.Actions);
        var pain = (await session.BoardAsync()).Items.Single(i => i.Kind == ItemKind.PainPoint);
        var voted = await session.PressAsync(Megan, "Vote", new() { ["votes"] = pain.Id }, review.Messages[0].Card);
        Assert.Contains("Pain point · ◐ Shipping cost shows late · 1 vote", CardText.Of(voted.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("Megan Bowen: 4 of 5 votes left.", CardText.Of(voted.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(pain.Id, voted.CardUpdate!.Body.OfType<InputChoiceSet>().Single(c => c.Id == "votes").Value);

        var published = await session.PressAsync(Alex, "Publish (facilitator)");
        Assert.Contains("is published", CardText.Of(published), StringComparison.Ordinal);
        var map = await session.MapAsync();
        Assert.Equal(MapStatus.Published, map.Status);
        var board = await session.BoardAsync();
        Assert.Equal("Sales", board.Items.Single(i => i.Author == Megan).AuthorDepartment);
        Assert.Equal(new TeamMember("Sales", AskedForDepartment: true),
            await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, TestContext.Current.CancellationToken));
        Assert.Equal(3, board.Items.Count);
        Assert.Equal(Evidence.Reported, board.Items.Single(i => i.Kind == ItemKind.PainPoint).Evidence);
        Assert.Equal(TouchChannel.Website, board.Items.Single(i => i.Kind == ItemKind.Touchpoint).Channel);
        Assert.Equal(-1, board.Items.Single(i => i.Kind == ItemKind.Emotion).Score);
    }

    [Fact]
    public async Task Publishing_keeps_the_map_as_a_version_that_its_link_names_and_later_edits_do_not_touch()
    {
        await using var session = await StartSessionAsync();
        foreach (var line in new[] { "start Kept journey", "Sell more shoes", "Ana, a new runner", "Sees an ad", "First run", "template", "next" })
        {
            await session.SayAsync(Alex, line);
        }

        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout page");
        await session.SayAsync(Alex, "next");

        var published = await session.SayAsync(Alex, "publish");
        var map = await session.MapAsync();
        var link = published.Messages.Select(m => m.Card).OfType<AdaptiveCard>().SelectMany(c => c.Actions ?? []).OfType<OpenUrlAction>().First().Url;
        var check = session.Services.GetRequiredService<MapLinks>().Check(link.AbsolutePath["/maps/".Length..]);
        var later = (await session.BoardAsync()).Items[0] with { Id = "later", Text = "Added after publishing" };
        await session.Store.PutItemAsync(session.Scope.TeamKey, map.Id, later, TestContext.Current.CancellationToken);
        var kept = await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, map.PublishedVersion);
        Assert.Equal((MapLinkStatus.Valid, map.Id, 1), (check.Status, check.MapId, check.Version));
        Assert.Equal((MapStatus.Published, 1, map.PublishedAt), (kept!.Map.Status, kept.Map.PublishedVersion, kept.Map.PublishedAt));
        Assert.Equal(["Checkout page"], kept.Board.Items.Select(i => i.Text));
        Assert.Null(await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_card_from_a_step_already_passed_is_answered_politely_and_changes_nothing()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Old cards");
        var objectiveCard = session.LastCard!;
        await session.PressAsync(Alex, "Save", new() { ["answer"] = "Grow online shoe sales" });
        await session.SayAsync(Alex, "Runners");

        var outcome = await session.PressAsync(Alex, "Save", new() { ["answer"] = "Something else" }, objectiveCard);

        Assert.Equal(Texts.OutdatedCard, Assert.Single(outcome.Messages).Text);
        Assert.Null(outcome.CardUpdate);
        var map = await session.MapAsync();
        Assert.Equal("Grow online shoe sales", map.Objective);
        Assert.Equal("Runners", map.Persona);
        Assert.Equal(MapStep.StartPoint, map.Step);
    }

    [Fact]
    public async Task A_card_of_another_map_changes_nothing()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start First");
        var firstCard = session.LastCard!;
        await session.SayAsync(Alex, "start Second");
        await session.PressAsync(Alex, "Archive it and start the new map");

        var outcome = await session.PressAsync(Alex, "Save", new() { ["answer"] = "Objective for the first" }, firstCard);

        Assert.Equal(Texts.OutdatedCard, Assert.Single(outcome.Messages).Text);
        var map = await session.MapAsync();
        Assert.Equal("Second", map.Name);
        Assert.Null(map.Objective);
    }

    [Fact]
    public async Task Someone_else_pressing_the_facilitators_buttons_is_told_who_steers()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Steering");

        var outcome = await session.PressAsync(Megan, "Save", new() { ["answer"] = "Megan's objective" });

        Assert.StartsWith("Only Alex Wilber, who facilitates “Steering”", Assert.Single(outcome.Messages).Text, StringComparison.Ordinal);
        Assert.Null((await session.MapAsync()).Objective);
    }

    [Fact]
    public async Task Unknown_card_data_gets_a_clear_answer()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Unknown data");
        var map = await session.MapAsync();

        var outcome = await session.Conversation.HandleAsync(
            new UserTurn(session.Scope, Alex, "x-1", string.Empty,
                new CardSubmit("explode", new Dictionary<string, string> { ["mapId"] = map.Id, ["weird"] = "{\"a\":1}" })),
            TestContext.Current.CancellationToken);

        Assert.Equal(Texts.NotUnderstood, Assert.Single(outcome.Messages).Text);
        Assert.Equal(MapStep.Objective, (await session.MapAsync()).Step);
    }

    [Fact]
    public async Task A_form_sent_without_its_text_is_returned_with_the_problem_on_it()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);

        var outcome = await session.PressAsync(Megan, "+ Goal › Add", new() { ["goal.stage"] = "s2", ["goal.evidence"] = "reported" });

        Assert.Contains("⚠ Describe the goal", CardText.Of(outcome.CardUpdate!), StringComparison.Ordinal);
        Assert.All(Stages(outcome.CardUpdate!), stage => Assert.Equal("s2", stage.Value));
        Assert.Empty(outcome.Messages);
        Assert.Empty((await session.BoardAsync()).Items);
    }

    [Fact]
    public async Task After_an_add_every_entry_of_the_card_starts_on_the_stage_just_used()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        var form = session.LastCard!;
        Assert.All(Stages(form), stage => Assert.Null(stage.Value));

        var first = await session.PressAsync(Megan, "+ Pain point › Add", new() { ["pain.stage"] = "s4", ["pain.text"] = "Forgets to log runs", ["pain.evidence"] = "assumed" }, form);
        Assert.All(Stages(first.CardUpdate!), stage => Assert.Equal("s4", stage.Value));

        // The next item needs only its text: the stage is already picked.
        await session.PressAsync(Megan, "+ Idea › Add", new() { ["opportunity.text"] = "Reminder after a week", ["opportunity.owner"] = "Product", ["opportunity.evidence"] = "reported" });

        var board = await session.BoardAsync();
        Assert.All(board.Items, item => Assert.Equal("s4", item.StageId));
        Assert.Equal("Product", board.Items.Single(i => i.Kind == ItemKind.Opportunity).Owner);
        Assert.Equal(Evidence.Assumed, board.Items.Single(i => i.Kind == ItemKind.PainPoint).Evidence);
    }

    [Fact]
    public async Task A_form_posted_before_the_entries_still_adds_what_it_sends()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        var map = await session.MapAsync();

        // One set of fields, the kind among them: the form every member had until the per-kind entries.
        var outcome = await session.Conversation.HandleAsync(new UserTurn(session.Scope, Megan, "old-form-1", string.Empty, new CardSubmit(
            CardVerbs.Add, new Dictionary<string, string>
            {
                ["verb"] = "add", ["mapId"] = map.Id, ["step"] = "Contribute", ["kind"] = "touchpoint", ["stage"] = "s1",
                ["text"] = "Newsletter", ["channel"] = "Email", ["score"] = string.Empty, ["owner"] = string.Empty, ["evidence"] = "observed",
            })), TestContext.Current.CancellationToken);

        Assert.Contains("✔ Added touchpoint", CardText.Of(outcome.CardUpdate!), StringComparison.Ordinal);
        var item = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal((ItemKind.Touchpoint, "s1", TouchChannel.Email, Evidence.Observed), (item.Kind, item.StageId, item.Channel!.Value, item.Evidence));
    }

    [Fact]
    public async Task Only_the_facilitator_moves_on_from_the_progress_card()
    {
        await using var session = await StartSessionAsync();
        var opened = await session.OpenContributionsAsync(Alex, "Steered", "Browse, Buy");
        var progress = opened.NewProgressCard!.Card;

        var refused = await session.PressAsync(Megan, "Go to review (facilitator)", card: progress);

        Assert.StartsWith("Only Alex Wilber, who facilitates “Steered”, can move the session on or back", Assert.Single(refused.Messages).Text,
            StringComparison.Ordinal);
        Assert.Null(refused.CardUpdate);
        Assert.Equal(MapStep.Contribute, (await session.MapAsync()).Step);
    }

    [Fact]
    public async Task A_redelivered_activity_adds_its_item_once_and_moves_the_session_once()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);

        await session.SayAsync(Megan, "touchpoint Awareness | email | Welcome mail");
        await session.RedeliverAsync(Megan, "touchpoint Awareness | email | Welcome mail");
        await session.SayAsync(Alex, "back");
        await session.RedeliverAsync(Alex, "back");

        Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal(MapStep.Stages, (await session.MapAsync()).Step);
    }

    [Fact]
    public async Task Giving_an_emotion_again_replaces_your_earlier_one()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);

        await session.SayAsync(Megan, "emotion Purchase | -2 | angry");
        await session.SayAsync(Megan, "emotion Purchase | 1 | relieved");

        var emotion = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal((1, "relieved"), (emotion.Score!.Value, emotion.Text));
    }

    [Fact]
    public async Task Maps_are_listed_and_an_archived_map_can_be_opened_again_with_its_items()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Megan, "touchpoint Awareness | email | Kept across archive");
        await session.SayAsync(Alex, "start Second map");
        await session.PressAsync(Alex, "Archive it and start the new map");

        var list = await session.SayAsync(Megan, "maps");
        Assert.Contains("Shoe journey: archived", list.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Second map: active", list.Messages[0].Text, StringComparison.Ordinal);

        Assert.Contains("is being mapped here", CardText.Of(await session.SayAsync(Alex, "open Shoe")), StringComparison.Ordinal);
        await session.SayAsync(Alex, "archive");
        var opened = await session.SayAsync(Alex, "open Shoe");

        Assert.Contains("Opened “Shoe journey”", CardText.Of(opened), StringComparison.Ordinal);
        var map = await session.MapAsync();
        Assert.Equal(("Shoe journey", MapStatus.Active, MapStep.Contribute), (map.Name, map.Status, map.Step));
        Assert.Equal("Kept across archive", Assert.Single((await session.BoardAsync()).Items).Text);
    }

    [Fact]
    public async Task Demo_builds_and_publishes_the_running_shoes_example_through_a_real_session()
    {
        await using var session = await StartSessionAsync();

        var outcome = await session.SayAsync(Megan, "demo");

        var text = CardText.Of(outcome);
        Assert.Contains("Here is an example", text, StringComparison.Ordinal);
        Assert.Contains("Example · Customer journey map · published", text, StringComparison.Ordinal);
        Assert.Contains("Fit finder that learns from returns — Product · Evaluation · 4 votes", text, StringComparison.Ordinal);
        var map = await session.MapAsync();
        Assert.True(map.IsExample);
        Assert.Equal((MapStatus.Published, Megan), (map.Status, map.Facilitator));
        Assert.Equal(["Consideration", "Evaluation", "Purchase", "First run"], map.Stages.Select(s => s.Name));
        var board = await session.BoardAsync();
        Assert.Equal(35, board.Items.Count);
        Assert.Equal(["Customer Service", "Marketing", "Product", "Sales"], board.Items.Select(i => i.AuthorDepartment!).Distinct().Order());
        Assert.Equal(4, board.Votes.Count);
        Assert.Empty(MapFlow.MissingForPublish(map, board));
    }

    [Fact]
    public async Task Demo_delivered_twice_builds_one_example_and_never_replaces_an_active_map()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Megan, "demo");
        var items = (await session.BoardAsync()).Items.Count;

        await session.RedeliverAsync(Megan, "demo");
        Assert.Equal(items, (await session.BoardAsync()).Items.Count);

        await session.SayAsync(Alex, "start Our own map");
        var refused = await session.SayAsync(Megan, "demo");
        Assert.Contains("“Our own map” is being mapped here", CardText.Of(refused), StringComparison.Ordinal);
        Assert.Equal("Our own map", (await session.MapAsync()).Name);
    }

    // The stage input of each of the contribution card's entries.
    private static IEnumerable<InputChoiceSet> Stages(AdaptiveCard card) =>
        CardButtons.AllInputs(card).OfType<InputChoiceSet>().Where(i => i.Id!.EndsWith(".stage", StringComparison.Ordinal));
}
