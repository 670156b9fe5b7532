using System.Text.Json;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
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
    public void Every_input_id_is_unique_in_the_whole_card_shown_cards_included(string name)
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

    [Fact]
    public void The_contribution_card_opens_one_entry_per_kind_each_with_its_own_fields_and_add_button()
    {
        var card = ContributeCard.For(Map(MapStep.Contribute));

        var entries = card.Actions!.Cast<ShowCardAction>().ToList();
        Assert.Equal(["+ Touchpoint", "+ Pain point", "+ Feeling", "+ Idea", "+ Goal", "+ Action"], entries.Select(e => e.Title));
        Assert.All(entries, entry =>
        {
            var add = Assert.IsType<ExecuteAction>(Assert.Single(entry.Card.Actions!));
            var kind = add.Data[CardVerbs.KindKey];
            Assert.Equal((CardVerbs.Add, null), (add.Verb, add.AssociatedInputs));
            Assert.All(entry.Card.Body, input => Assert.StartsWith(kind + ".", input.Id, StringComparison.Ordinal));
            Assert.InRange(entry.Card.Body.Count, 2, 3);
            Assert.Equal(kind + ".stage", entry.Card.Body[0].Id);
        });
        var fields = entries.ToDictionary(e => e.Title, e => e.Card.Body.Select(i => i.Id).ToList());
        Assert.Equal(["touchpoint.stage", "touchpoint.text", "touchpoint.channel"], fields["+ Touchpoint"]);
        Assert.Equal(["emotion.stage", "emotion.score", "emotion.text"], fields["+ Feeling"]);
        Assert.Equal(["opportunity.stage", "opportunity.text", "opportunity.owner"], fields["+ Idea"]);
        Assert.Equal(["pain.stage", "pain.text", "pain.evidence"], fields["+ Pain point"]);
    }

    [Fact]
    public void The_contribution_card_replaced_after_an_add_keeps_every_input_at_its_place()
    {
        // Agents Playground keeps a drop-down's list by its place: a card replaced in place must not move them.
        var map = Map(MapStep.Contribute);
        static IEnumerable<string> Places(AdaptiveCard card) =>
        [
            .. card.Body.Select((e, i) => e is InputText or InputChoiceSet ? $"body {i}: {e.Id}" : null).OfType<string>(),
            .. card.Actions!.OfType<ShowCardAction>().SelectMany(a => a.Card.Body.Select((e, i) => $"{a.Title} {i}: {e.Id}")),
        ];

        var first = Places(ContributeCard.For(map)).ToList();
        var afterAdd = Places(ContributeCard.For(map, "✔ Added touchpoint", map.Stages[1].Id)).ToList();
        var afterProblem = Places(ContributeCard.For(map, "⚠ Describe the goal.")).ToList();

        Assert.DoesNotContain(first, place => place.StartsWith("body", StringComparison.Ordinal));
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

        map.Step = MapStep.Contribute;
        cards["contribute after an add"] = ContributeCard.For(map, "✔ Added", map.Stages[2].Id).ToJson().GetRawText();
        cards["progress"] = ProgressCard.For(map, board).ToJson().GetRawText();
        cards["department"] = SmallCards.Department(map, People.Megan).ToJson().GetRawText();
        cards["archive and start"] = SmallCards.ArchiveAndStart(map, "Next map").ToJson().GetRawText();
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

    // Every Action.Execute of a card: in its actions, in action sets of its body, in the cards its show-card buttons open.
    private static IEnumerable<JsonElement> Executes(JsonElement card) =>
        Walk(card).Where(e => e.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute");

    private static IEnumerable<JsonElement> Walk(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [element, .. element.EnumerateObject().SelectMany(p => Walk(p.Value))],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Walk),
        _ => [],
    };
}
