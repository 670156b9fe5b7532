using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The "What changed since vN" card: within 28 KB for every map size, saying how many more it leaves out; and the Markdown export of the same changes.</summary>
public sealed class VersionChangesCardTests
{
    private static readonly Person Alex = new("aad-alex", "Alex Wilber");
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(CardSizeTests.MapsInEachLanguage), MemberType = typeof(CardSizeTests))]
    public void The_changes_card_fits_in_28_KB_with_both_curves(string language, string size, int stages, int itemsPerStage, int textLength)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = CardSizeTests.SampleMap(stages, itemsPerStage, textLength);
        var (earlier, later) = VersionSamples.Of(map, board, Alex, At);

        var card = VersionChangesCard.For(later.Map, MapDiff.Between(earlier, later), earlier.Map.PublishedAt!.Value, new Uri("https://bot.example/maps/token"));

        var bytes = MapCard.Bytes(card);
        TestContext.Current.TestOutputHelper?.WriteLine($"{size}: {bytes:N0} bytes");
        RunSummary.Add($"what-changed card, {size} map, {language} ({stages} stages × {itemsPerStage} items of {textLength} chars): {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
        Assert.InRange(bytes, 1, MapCard.TargetBytes);
        if (language != "en")
        {
            return; // The texts checked below are the English ones; in Spanish and Romanian the budget is what is checked.
        }

        var text = CardText.Of(card);
        Assert.Contains("What changed since v1", text, StringComparison.Ordinal);
        Assert.Contains("Stages added: Stage " + stages, text, StringComparison.Ordinal);
        Assert.Contains("Pain point resolved: Checkout asks for the &lt;b&gt;", text, StringComparison.Ordinal);
        Assert.Contains("Done since: One-step \\*\\*checkout", text, StringComparison.Ordinal);
        if (itemsPerStage > 12)
        {
            Assert.Contains("more)", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_equal_versions_say_nothing_changed_and_draw_no_curve_without_feelings()
    {
        var (map, board) = CardSizeTests.SampleMap(5, 0, 20);
        var (_, later) = VersionSamples.Of(map, board, Alex, At);
        var same = later with { Map = later.Map };

        var card = VersionChangesCard.For(later.Map, MapDiff.Between(same, later), At, fullMap: null);

        Assert.Contains("Nothing on the map changed since version 2", CardText.Of(card), StringComparison.Ordinal);
        Assert.Empty(card.Body.OfType<Image>());
        Assert.Null(card.Actions);
    }

    [Fact]
    public void The_markdown_export_lists_every_change_with_member_text_escaped()
    {
        var (map, board) = CardSizeTests.SampleMap(5, 40, 80);
        var (earlier, later) = VersionSamples.Of(map, board, Alex, At);

        var markdown = MapExport.Changes(later.Map, MapDiff.Between(earlier, later), earlier.Map.PublishedAt!.Value);

        Assert.StartsWith("# What changed since v1\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Stages added: Stage 5 sssss.", markdown, StringComparison.Ordinal);
        Assert.Contains("## 1. Stage 1 sssss", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("(+", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.Contains("Evidence gained: ", markdown, StringComparison.Ordinal);
    }
}
