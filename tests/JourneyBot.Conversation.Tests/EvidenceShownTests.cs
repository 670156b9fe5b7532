using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>Every item line carries its evidence mark, with a legend; every stage its confidence.</summary>
public sealed class EvidenceShownTests
{
    private const string Legend = "How we know: ● observed · ◐ reported by customers or staff · ○ assumed · ? not said yet";

    [Fact]
    public void The_map_card_marks_every_item_line_and_shows_each_stage_s_confidence_under_a_legend()
    {
        var (map, board) = Sample();

        var text = CardText.Of(MapCard.For(map, board));

        Assert.Contains(Legend, text, StringComparison.Ordinal);
        Assert.Contains("2. Purchase  🙁 −1.0 · 1 of 5 observed", text, StringComparison.Ordinal);
        Assert.Contains("Website: ● Checkout page; ? Size chart page", text, StringComparison.Ordinal);
        Assert.Contains("Pain points: ◐ The size guide is confusing · 1 vote", text, StringComparison.Ordinal);
        Assert.Contains("○ Virtual fitting from a foot photo — Product · Purchase", text, StringComparison.Ordinal);
        Assert.Contains("Nothing observed yet: Awareness", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_card_marks_the_items_to_vote_on_and_shows_each_stage_s_confidence()
    {
        var (map, board) = Sample();

        var text = CardText.Of(ReviewCard.For(map, board));

        Assert.Contains(Legend, text, StringComparison.Ordinal);
        Assert.Contains("2. Purchase — 2 touchpoints, 1 pain point, 1 opportunity, emotion 🙁 −1.0 · 1 of 5 observed", text, StringComparison.Ordinal);
        Assert.Contains("Pain point · ◐ The size guide is confusing · 1 vote", text, StringComparison.Ordinal);
        Assert.Contains("Idea · ○ Virtual fitting from a foot photo", text, StringComparison.Ordinal);
        Assert.Contains("Nothing observed yet: Awareness", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_and_the_exports_mark_every_item_and_say_each_stage_s_confidence()
    {
        var (map, board) = Sample();

        var html = MapPage.Html(map, board);
        var markdown = MapExport.Markdown(map, board);
        var csv = MapExport.Csv(map, board);

        Assert.Contains($"<p class=\"meta\">{Legend}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<th>2. Purchase<div class=\"meta\">1 of 5 observed</div></th>", html, StringComparison.Ordinal);
        Assert.Contains("<li>? Website: Size chart page <span class=\"meta\">Megan · not said yet</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>● Website: Checkout page <span class=\"meta\">Megan · observed</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("\n" + Legend + "\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## 2. Purchase\n\n*1 of 5 observed*\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- ● *touchpoint*: Website: Checkout page (Megan; observed)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- ? *touchpoint*: Website: Size chart page (Megan; not said yet)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\"Size chart page\",\"Website\",\"\",\"\",\"not said yet\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"evidence\": \"NotSaid\"", MapExport.Json(map, board), StringComparison.Ordinal);
    }

    // Awareness has a reported touchpoint only; Purchase one item of each evidence, the feeling not said.
    [Theory]
    [InlineData("es", "Observado", "Referido", "Supuesto")]
    [InlineData("ro", "Observat", "Raportat", "Presupus")]
    public void The_evidence_buttons_speak_the_language_of_their_card_after_a_card_in_another(string language, string observed, string reported, string assumed)
    {
        var (map, board) = Sample();
        var pain = board.Items.Single(i => i.Kind == ItemKind.PainPoint);
        var megan = pain.Author;
        _ = InCulture.Run("en", () => EvidenceCards.Ask(map, pain, megan, "Added."));

        var ask = InCulture.Run(language, () => EvidenceCards.Ask(map, pain, megan, "Added."));
        var list = InCulture.Run(language, () => EvidenceCards.List(map, [pain], megan, inPlace: false));

        Assert.Equal([observed, reported, assumed], ask.Actions!.Select(a => a.Title));
        Assert.Equal([observed, reported, assumed], list.Body.OfType<Container>().SelectMany(c => c.Items.OfType<ActionSet>()).Single().Actions.Select(a => a.Title));
    }

    private static (JourneyMap Map, MapBoard Board) Sample()
    {
        var map = new JourneyMap { Id = "m", Name = "Shoes", Facilitator = new("alex", "Alex"), ConversationKey = "c", Step = MapStep.Review };
        var (awareness, purchase) = (map.AddStage("Awareness"), map.AddStage("Purchase"));
        var megan = new Person("megan", "Megan");
        var n = 0;
        MapItem Item(Stage stage, ItemKind kind, string text, Evidence evidence) => new()
        {
            Id = $"item{++n}", Kind = kind, StageId = stage.Id, Text = text, Evidence = evidence, Author = megan,
            CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(n),
        };

        MapItem[] items =
        [
            Item(awareness, ItemKind.Touchpoint, "Instagram ad", Evidence.Reported) with { Channel = TouchChannel.SocialNetworks },
            Item(purchase, ItemKind.Touchpoint, "Checkout page", Evidence.Observed) with { Channel = TouchChannel.Website },
            Item(purchase, ItemKind.Touchpoint, "Size chart page", Evidence.Assumed) with { Channel = TouchChannel.Website, EvidenceUnsaid = true },
            Item(purchase, ItemKind.PainPoint, "The size guide is confusing", Evidence.Reported),
            Item(purchase, ItemKind.Opportunity, "Virtual fitting from a foot photo", Evidence.Assumed) with { Owner = "Product" },
        ];
        var emotion = Item(purchase, ItemKind.Emotion, "unsure", Evidence.Assumed) with { Score = -1, EvidenceUnsaid = true };
        return (map, new MapBoard([.. items, emotion], new Dictionary<string, IReadOnlyList<string>> { ["alex"] = ["item4"] }));
    }
}
