using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.StillTrue;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The "Still true?" card stays within the 28 KB budget whatever the map: it lists a bounded number of items.</summary>
public sealed class StillTrueCardSizeTests
{
    [Theory]
    [MemberData(nameof(CardSizeTests.MapsInEachLanguage), MemberType = typeof(CardSizeTests))]
    public void The_still_true_card_fits_in_28_KB_listing_at_most_eight_items_and_counting_the_rest(string language, string size, int stages, int itemsPerStage, int textLength)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = CardSizeTests.SampleMap(stages, itemsPerStage, textLength);
        var due = StillTrueList.Due("19:team@thread.tacv2", map, board, MapReview.MaxDays, DateTimeOffset.UnixEpoch.AddYears(2));

        var card = StillTrueCard.For(due.For(map.Facilitator, "✔ Confirmed “" + new string('x', 500) + "” as still true."));

        var bytes = MapCard.Bytes(card);
        JourneyBot.Testing.RunSummary.Add($"Still true? card, {size} map, {language} ({board.Items.Count} items due, texts {textLength}): {bytes:N0} bytes (budget {MapCard.TargetBytes:N0})");
        Assert.InRange(bytes, 1, MapCard.TargetBytes);
        Assert.Equal(Math.Min(board.Items.Count, StillTrueCard.ShownItems), due.Shown.Count);
        if (language != "en")
        {
            return; // The texts checked below are the English ones; in Spanish and Romanian the budget is what is checked.
        }
        var text = CardText.Of(card);
        if (board.Items.Count > StillTrueCard.ShownItems)
        {
            Assert.Contains($"{board.Items.Count - StillTrueCard.ShownItems} more items follow", text.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Nothing left to confirm for now.", text, StringComparison.Ordinal);
        }
    }
}
