using System.Text.Json;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The buttons of every session card as a client reads their JSON.</summary>
public sealed class CardButtonTests
{
    public static TheoryData<string> Cards => [.. AllCards().Keys];

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_button_that_sends_no_inputs_does_not_check_them(string name)
    {
        var actions = Actions(AllCards()[name]).ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, action =>
        {
            var verb = action.GetProperty("verb").GetString()!;
            var associated = action.TryGetProperty("associatedInputs", out var value) ? value.GetString() : null;
            var fallback = action.GetProperty("fallback");
            var fallbackAssociated = fallback.TryGetProperty("associatedInputs", out var f) ? f.GetString() : null;
            Assert.Equal(CardVerbs.ReadsInputs(verb) ? null : "none", associated);
            Assert.Equal(associated, fallbackAssociated);
        });
    }

    [Fact]
    public void The_contribution_forms_way_to_the_review_and_to_the_status_send_nothing_but_the_form_sends_its_fields()
    {
        var form = Actions(AllCards()["contribute"]).ToDictionary(a => a.GetProperty("title").GetString()!);

        Assert.False(form["Add"].TryGetProperty("associatedInputs", out _));
        Assert.Equal("none", form["Go to review (facilitator)"].GetProperty("associatedInputs").GetString());
        Assert.Equal("none", form["Status"].GetProperty("associatedInputs").GetString());
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

        cards["department"] = SmallCards.Department(map, People.Megan).ToJson().GetRawText();
        cards["archive and start"] = SmallCards.ArchiveAndStart(map, "Next map").ToJson().GetRawText();
        return cards;
    }

    // Every Action.Execute of a card, in its actions and in action sets of its body.
    private static IEnumerable<JsonElement> Actions(string json)
    {
        var root = JsonDocument.Parse(json).RootElement.Clone();
        return Walk(root).Where(e => e.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute");
    }

    private static IEnumerable<JsonElement> Walk(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [element, .. element.EnumerateObject().SelectMany(p => Walk(p.Value))],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Walk),
        _ => [],
    };
}
