using System.Text.Json;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>Thoughts, bright spots and moments of truth wherever the map is shown: the map card, the page and the exports.</summary>
public sealed class KindsOnTheMapTests
{
    private static readonly Person Megan = new("megan", "Megan Bowen");

    // Two stages; Buy has a thought, a bright spot, a pain point and two touchpoints, one of them a moment of truth.
    private static (JourneyMap Map, MapBoard Board) Map()
    {
        var map = new JourneyMap { Id = "m", Name = "Shoes", Facilitator = Megan, ConversationKey = "c", Step = MapStep.Review };
        var (browse, buy) = (map.AddStage("Browse"), map.AddStage("Buy"));
        MapItem Item(string id, ItemKind kind, Stage stage, string text, TouchChannel? channel = null) => new()
        {
            Id = id, Kind = kind, StageId = stage.Id, Text = text, Channel = channel, Author = Megan, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        MapItem[] items =
        [
            Item("tp-ad", ItemKind.Touchpoint, browse, "Beginner running ad", TouchChannel.SocialNetworks),
            Item("tp-checkout", ItemKind.Touchpoint, buy, "Checkout page", TouchChannel.Website),
            Item("tp-home", ItemKind.Touchpoint, buy, "Home page", TouchChannel.Website),
            Item("th-fit", ItemKind.Thought, buy, "Will these still fit after ten kilometres?"),
            Item("bs-treadmill", ItemKind.BrightSpot, buy, "Staff let you try the shoes on a treadmill"),
            Item("pp-shipping", ItemKind.PainPoint, buy, "Shipping cost shows late"),
        ];
        map.MomentsOfTruth = ["tp-checkout", "gone-since"];
        return (map, new MapBoard(items, new Dictionary<string, IReadOnlyList<string>>()));
    }

    [Fact]
    public void The_map_card_shows_the_moments_of_truth_above_the_stages_and_each_stages_thinking_and_bright_spots()
    {
        var (map, board) = Map();

        var text = CardText.Of(MapCard.For(map, board));

        Assert.Contains("Moments of truth", text, StringComparison.Ordinal);
        Assert.Contains("★ Website: Checkout page (Buy)", text, StringComparison.Ordinal);
        Assert.Contains("Website: ★ ○ Checkout page; ○ Home page", text, StringComparison.Ordinal);
        Assert.Contains("Thinking: ○ Will these still fit after ten kilometres?", text, StringComparison.Ordinal);
        Assert.Contains("Bright spots: ○ Staff let you try the shoes on a treadmill", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Moments of truth", StringComparison.Ordinal) < text.IndexOf("1. Browse", StringComparison.Ordinal));
    }

    [Fact]
    public void A_map_without_moments_of_truth_shows_no_block_for_them()
    {
        var (map, board) = Map();
        map.MomentsOfTruth = ["gone-since"];

        Assert.DoesNotContain("Moments of truth", CardText.Of(MapCard.For(map, board)), StringComparison.Ordinal);
        Assert.DoesNotContain("Moments of truth", MapPage.Html(map, board), StringComparison.Ordinal);
        Assert.DoesNotContain("Moments of truth", MapExport.Markdown(map, board), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_has_a_thinking_lane_and_a_bright_spots_lane_and_highlights_the_moments_of_truth()
    {
        var (map, board) = Map();

        var html = MapPage.Html(map, board);

        Assert.Contains("<th class=\"lane\">Thinking</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"lane\">Bright spots</th>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Moments of truth</h2><ul class=\"truths\"><li>★ Website: Checkout page (Buy)</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"truth\">★ moment of truth · ○ Website: Checkout page", html, StringComparison.Ordinal);
        Assert.Single(html.Split("class=\"truth\"").Skip(1));
        // Doing, thinking, feeling; then what goes wrong, what works and what to do.
        var lanes = new[] { "Touchpoints", "Goals and actions", "Thinking", "Emotions", "Pain points", "Bright spots", "Opportunities" }
            .Select(lane => html.IndexOf($"<th class=\"lane\">{lane}</th>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, lanes);
        Assert.Equal(lanes.Order(), lanes);
    }

    [Fact]
    public void The_exports_name_the_new_kinds_and_mark_the_moments_of_truth()
    {
        var (map, board) = Map();

        var csv = MapExport.Csv(map, board).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var markdown = MapExport.Markdown(map, board);
        using var json = JsonDocument.Parse(MapExport.Json(map, board));

        Assert.EndsWith(",votes,moment_of_truth", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.Contains("\"thought\",\"Will these still fit", StringComparison.Ordinal) && l.EndsWith(",\"false\"", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.Contains("\"bright spot\",\"Staff let you", StringComparison.Ordinal));
        Assert.Single(csv, l => l.EndsWith(",\"true\"", StringComparison.Ordinal) && l.Contains("Checkout page", StringComparison.Ordinal));
        Assert.Contains("## Moments of truth\n\n- ★ Website: Checkout page (Buy)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- ○ *touchpoint* **★ moment of truth**: Website: Checkout page", markdown, StringComparison.Ordinal);
        Assert.Contains("- ○ *thought*: Will these still fit after ten kilometres?", markdown, StringComparison.Ordinal);
        Assert.Contains("- ○ *bright spot*: Staff let you try the shoes on a treadmill", markdown, StringComparison.Ordinal);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["tp-checkout"], items.Where(i => i.GetProperty("momentOfTruth").GetBoolean()).Select(i => i.GetProperty("id").GetString()));
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "Thought");
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "BrightSpot");
    }

    [Fact]
    public void A_map_stored_before_moments_of_truth_reads_with_none_and_they_round_trip_through_storage_json()
    {
        const string Before = """{"id":"m","name":"Old","facilitator":{"id":"a","name":"Alex"},"conversationKey":"c","stages":[]}""";

        var old = JsonSerializer.Deserialize(Before, MapJson.Storage.JourneyMap)!;
        var (map, _) = Map();
        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap), MapJson.Storage.JourneyMap)!;
        var item = JsonSerializer.Deserialize("""{"id":"i","kind":"BrightSpot","stageId":"s1","text":"x","author":{"id":"a","name":"Alex"}}""", MapJson.Storage.MapItem)!;

        Assert.Empty(old.MomentsOfTruth);
        Assert.Equal(["tp-checkout", "gone-since"], again.MomentsOfTruth);
        Assert.Equal(ItemKind.BrightSpot, item.Kind);
    }

    [Fact]
    public void The_start_point_question_coaches_to_start_earlier_than_the_purchase()
    {
        var map = new JourneyMap { Id = "m", Name = "Shoes", Facilitator = Megan, ConversationKey = "c", Step = MapStep.StartPoint };

        var startPoint = CardText.Of(SessionCards.ForStep(map));
        map.Step = MapStep.EndPoint;
        var endPoint = CardText.Of(SessionCards.ForStep(map));

        Assert.Contains("starts when someone decides to start running, not when they decide to buy shoes", startPoint, StringComparison.Ordinal);
        Assert.DoesNotContain("decides to start running, not", endPoint, StringComparison.Ordinal);
    }
}
