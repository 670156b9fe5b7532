using System.Text.Json;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The buttons and inputs of every session card as a client reads their JSON.</summary>
public sealed class CardButtonTests
{
    // Teams' host config shows at most six buttons in a row of a card's actions; more are dropped.
    private const int TeamsMaxActions = 6;

    public static TheoryData<string> Cards => [.. AllCards().Keys];

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_button_that_sends_no_inputs_does_not_check_them(string name)
    {
        var actions = Executes(Parse(AllCards()[name])).ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, action =>
        {
            var verb = action.GetProperty("verb").GetString()!;
            var associated = action.TryGetProperty("associatedInputs", out var value) ? value.GetString() : null;
            // The progress card's refresh is Universal Actions only: it has no submit to fall back to.
            var fallbackAssociated = !action.TryGetProperty("fallback", out var fallback) ? associated
                : fallback.TryGetProperty("associatedInputs", out var f) ? f.GetString() : null;
            Assert.Equal(CardVerbs.ReadsInputs(verb) ? null : "none", associated);
            Assert.Equal(associated, fallbackAssociated);
        });
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_input_id_is_unique_in_the_whole_card_hidden_parts_included(string name)
    {
        var ids = Walk(Parse(AllCards()[name]))
            .Where(e => e.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetString())
            .ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void No_row_of_buttons_holds_more_than_Teams_shows(string name)
    {
        var rows = Walk(Parse(AllCards()[name])).Where(e => e.TryGetProperty("actions", out _)).Select(e => e.GetProperty("actions"));

        Assert.All(rows, row => Assert.InRange(row.GetArrayLength(), 0, TeamsMaxActions));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_element_a_button_shows_or_hides_is_in_the_card(string name)
    {
        var card = Parse(AllCards()[name]);
        var ids = Walk(card).Where(e => e.TryGetProperty("id", out _)).Select(e => e.GetProperty("id").GetString()).ToHashSet();

        var targets = Walk(card).Where(e => e.TryGetProperty("elementId", out _)).Select(e => e.GetProperty("elementId").GetString());

        Assert.All(targets, target => Assert.Contains(target, ids));
    }

    [Fact]
    public void The_contribution_card_has_one_entry_per_kind_each_with_its_own_fields_and_add_button_and_the_first_open()
    {
        var card = ContributeCard.For(Map(MapStep.Contribute));

        // Two rows of four: Teams shows at most six buttons in a row.
        var rows = card.Body.OfType<ActionSet>().ToList();
        var openers = rows.SelectMany(r => r.Actions).Cast<ToggleVisibilityAction>().ToList();
        var entries = card.Body.OfType<Container>().Where(c => c.Id?.StartsWith("entry.", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([4, 4], rows.Select(r => r.Actions.Count));
        Assert.Equal(["+ Touchpoint", "+ Pain point", "+ Feeling", "+ Idea", "+ Thought", "+ Bright spot", "+ Goal", "+ Action"], openers.Select(o => o.Title));
        Assert.Equal(openers.Count, entries.Count);
        Assert.All(openers.Zip(entries), pair =>
        {
            // Each button shows its own entry and hides the seven others.
            var (opener, entry) = pair;
            Assert.Equal([entry.Id], opener.TargetElements.Where(t => t.IsVisible).Select(t => t.ElementId));
            Assert.Equal(entries.Count - 1, opener.TargetElements.Count(t => !t.IsVisible && t.ElementId != entry.Id));
        });
        Assert.Equal([null, false, false, false, false, false, false, false], entries.Select(e => e.IsVisible));
        Assert.All(entries, entry =>
        {
            var add = Assert.IsType<ExecuteAction>(Assert.Single(Assert.IsType<ActionSet>(entry.Items[^1]).Actions));
            var kind = add.Data[CardVerbs.KindKey];
            Assert.Equal((CardVerbs.Add, null, "entry." + kind), (add.Verb, add.AssociatedInputs, entry.Id));
            var inputs = entry.Items.Where(i => i is InputText or InputChoiceSet).ToList();
            Assert.All(inputs, input => Assert.StartsWith(kind + ".", input.Id, StringComparison.Ordinal));
            Assert.InRange(inputs.Count, 3, 4);
            Assert.Equal(kind + ".stage", inputs[0].Id);
            // Every entry asks how we know, last, with nothing picked (no silent "assumed").
            var evidence = Assert.IsType<InputChoiceSet>(inputs[^1]);
            Assert.Equal((kind + ".evidence", null), (evidence.Id, evidence.Value));
        });
        var fields = entries.ToDictionary(e => e.Id!, e => e.Items.Where(i => i is InputText or InputChoiceSet).Select(i => i.Id).ToList());
        Assert.Equal(["touchpoint.stage", "touchpoint.text", "touchpoint.channel", "touchpoint.evidence"], fields["entry.touchpoint"]);
        Assert.Equal(["emotion.stage", "emotion.score", "emotion.text", "emotion.evidence"], fields["entry.emotion"]);
        Assert.Equal(["opportunity.stage", "opportunity.text", "opportunity.owner", "opportunity.evidence"], fields["entry.opportunity"]);
        Assert.Equal(["pain.stage", "pain.text", "pain.evidence"], fields["entry.pain"]);
        Assert.Equal(["thought.stage", "thought.text", "thought.evidence"], fields["entry.thought"]);
        Assert.Equal(["brightspot.stage", "brightspot.text", "brightspot.evidence"], fields["entry.brightspot"]);
    }

    [Fact]
    public void No_input_of_the_contribution_card_is_required_by_the_client_as_a_hidden_one_would_block_every_add()
    {
        var inputs = Walk(Parse(ContributeCard.For(Map(MapStep.Contribute)).ToJson().GetRawText()))
            .Where(e => e.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(27, inputs.Count); // eight stages, eleven fields, eight evidence choices
        Assert.All(inputs, input => Assert.False(input.TryGetProperty("isRequired", out _)));
    }

    [Fact]
    public void After_an_add_the_same_entry_is_open_on_the_same_stage_and_a_refused_add_keeps_what_was_written()
    {
        var map = Map(MapStep.Contribute);

        var added = ContributeCard.For(map, "✔ Added pain point", map.Stages[1].Id, ItemKind.PainPoint);
        var refused = ContributeCard.For(map, "⚠ Pick a channel.", map.Stages[0].Id, ItemKind.Touchpoint,
            new AddItemCommand(ItemKind.Touchpoint, map.Stages[0].Id, "Sees the ad", null, null, null, null));

        Assert.Equal(["entry.pain"], Open(added));
        Assert.All(Entry(added, "entry.pain").OfType<InputChoiceSet>().Where(i => i.Id == "pain.stage"), s => Assert.Equal(map.Stages[1].Id, s.Value));
        Assert.All(Entry(added, "entry.pain").OfType<InputText>(), text => Assert.Null(text.Value));
        Assert.Equal(["entry.touchpoint"], Open(refused));
        Assert.Equal("Sees the ad", Entry(refused, "entry.touchpoint").OfType<InputText>().Single().Value);
        Assert.Null(Entry(refused, "entry.touchpoint").OfType<InputChoiceSet>().Single(i => i.Id == "touchpoint.channel").Value);

        static IEnumerable<string?> Open(AdaptiveCard card) =>
            card.Body.OfType<Container>().Where(c => c.Id is not null && c.IsVisible is null).Select(c => c.Id);
        static IReadOnlyList<CardElement> Entry(AdaptiveCard card, string id) => card.Body.OfType<Container>().Single(c => c.Id == id).Items;
    }

    [Fact]
    public void Every_version_of_the_contribution_card_has_the_same_elements_in_the_same_places()
    {
        // Agents Playground keeps a drop-down's list by its place: a card replaced in place must not move one.
        var map = Map(MapStep.Contribute);
        static List<string> Places(AdaptiveCard card) =>
            [.. Walk(Parse(card.ToJson().GetRawText())).Where(e => e.TryGetProperty("type", out _))
                .Select(e => $"{e.GetProperty("type").GetString()} {(e.TryGetProperty("id", out var id) ? id.GetString() : "")}")];

        var first = Places(ContributeCard.For(map));
        var afterAdd = Places(ContributeCard.For(map, "✔ Added touchpoint", map.Stages[1].Id, ItemKind.Goal));
        var afterProblem = Places(ContributeCard.For(map, "⚠ Describe the goal.", null, ItemKind.Goal,
            new AddItemCommand(ItemKind.Goal, null, "x", null, null, null, null)));

        Assert.Contains("Input.ChoiceSet touchpoint.channel", first);
        Assert.Equal(first, afterAdd);
        Assert.Equal(first, afterProblem);
    }

    [Fact]
    public void The_contribution_card_tells_how_to_type_an_item_and_how_to_mention_the_bot()
    {
        var text = CardText.Of(ContributeCard.For(Map(MapStep.Contribute)));

        Assert.Contains("*pain Stage 1 | what goes wrong*", text, StringComparison.Ordinal);
        Assert.Contains("type @ and pick JourneyBot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[button Status]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Go to review", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_progress_card_carries_the_facilitators_way_to_the_review_and_sends_no_inputs()
    {
        var contributing = Executes(Parse(ProgressCard.For(Map(MapStep.Contribute), MapBoard.Empty).ToJson().GetRawText()))
            .Where(a => a.GetProperty("title").GetString() == "Go to review (facilitator)")
            .ToList();
        var reviewing = ProgressCard.For(Map(MapStep.Review), MapBoard.Empty);

        var button = Assert.Single(contributing);
        Assert.Equal(CardVerbs.Next, button.GetProperty("verb").GetString());
        Assert.Equal("none", button.GetProperty("associatedInputs").GetString());
        Assert.Equal(CardVerbs.ProgressCard, button.GetProperty("data").GetProperty(CardVerbs.CardKey).GetString());
        Assert.Null(reviewing.Actions);
    }

    private static Dictionary<string, string> AllCards()
    {
        var (map, board) = CardSizeTests.SampleMap(5, 2, 20);
        var cards = new Dictionary<string, string>();
        foreach (var step in MapFlow.Steps)
        {
            map.Step = step;
            var card = step == MapStep.Review ? ReviewCard.For(map, board) : SessionCards.ForStep(map);
            cards[step == MapStep.Contribute ? "contribute" : step.ToString()] = card.ToJson().GetRawText();
        }

        // The review's top-voted opportunities: one an action, one parked, the rest with their button; the action form.
        var (reviewed, voted) = CardSizeTests.SampleMap(5, 12, 40);
        reviewed.Step = MapStep.Review;
        var opportunities = voted.Items.Where(i => i.Kind == ItemKind.Opportunity).ToList();
        var decided = ActionSamples.Decided(opportunities[0], People.Adele, opportunities[1], "next quarter");
        cards["review with actions"] = ReviewCard.For(reviewed, voted, actions: decided).ToJson().GetRawText();
        cards["action form"] = ActionFormCard.For(reviewed, opportunities[2], 3, ActionSamples.Members(60, "Member"), new DateOnly(2026, 11, 25))
            .ToJson().GetRawText();

        map.Step = MapStep.Contribute;
        cards["contribute after an add"] = ContributeCard.For(map, "✔ Added", map.Stages[2].Id).ToJson().GetRawText();
        cards["progress"] = ProgressCard.For(map, board).ToJson().GetRawText();
        cards["department"] = SmallCards.Department(map, People.Megan).ToJson().GetRawText();
        cards["archive and start"] = SmallCards.ArchiveAndStart(map, "Next map").ToJson().GetRawText();
        cards["delete a map"] = DeletionCards.Confirm([map.Name], map.Id).ToJson().GetRawText();
        cards["delete all maps"] = DeletionCards.Confirm([map.Name, "Next map"], CardVerbs.AllMaps).ToJson().GetRawText();
        cards["map this stage again"] = FollowUpCards.Remap(map, map.Stages[2]).ToJson().GetRawText();

        // The team's tracker: the plans to pick from (the permission card has no buttons).
        cards["tracker plans"] = TrackerCards.Plans(TrackerSamples.Plans, TrackerSamples.Chosen).ToJson().GetRawText();

        map.Status = MapStatus.Published;
        cards["published map with actions"] = MapCard.For(map, board, new Uri("https://journeybot.example/maps/token"), null,
            new Actions.ActionsOnDay(MapCardActionsTests.Actions(map, 50), MapCardActionsTests.Today),
            MapCard.Refresh(map, MapCardIntro.Published, "29:viewer")).ToJson().GetRawText();
        map.Status = MapStatus.Active;

        // A round of questions (the routing card once sent has no buttons left).
        foreach (var (name, card) in RoundCardSamples.For(map, board, ["Marketing", "Sales", "Customer Service", "Product", "Stores"], 12)
            .Where(c => c.Name != RoundCardSamples.Sent))
        {
            cards[name] = card.ToJson().GetRawText();
        }

        // An owned action's card in its owner's 1:1 chat (a moved or gone one has nothing left to press).
        foreach (var (name, card) in OwnerCardSamples.For(map, board, 60).Where(c => c.Name is not (OwnerCardSamples.Moved or OwnerCardSamples.Gone)))
        {
            cards[name] = card.ToJson().GetRawText();
        }

        return cards;
    }

    private static JourneyMap Map(MapStep step)
    {
        var map = new JourneyMap
        {
            Id = "map-1", Name = "Buttons", Facilitator = People.Alex, ConversationKey = "c", Step = step,
        };
        map.AddStage("Stage 1");
        map.AddStage("Stage 2");
        return map;
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // Every Action.Execute of a card: in its actions and in action sets anywhere in its body.
    private static IEnumerable<JsonElement> Executes(JsonElement card) =>
        Walk(card).Where(e => e.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute");

    private static IEnumerable<JsonElement> Walk(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [element, .. element.EnumerateObject().SelectMany(p => Walk(p.Value))],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Walk),
        _ => [],
    };
}
