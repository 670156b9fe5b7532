using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using SkiaSharp;

namespace JourneyBot.Conversation.Tests;

public sealed class EmotionCurveTests
{
    private static readonly double?[] Journey = [1, null, -2, 0.5, 2];

    [Fact]
    public void Each_stage_scores_the_average_of_its_emotions_and_none_without_any()
    {
        var map = new JourneyMap { Id = "m", Name = "n", Facilitator = new("a", "A"), ConversationKey = "c" };
        map.AddStage("Awareness");
        var purchase = map.AddStage("Purchase");
        MapItem Emotion(string stage, int score) => new()
        {
            Id = Guid.NewGuid().ToString("N"), Kind = ItemKind.Emotion, StageId = stage, Text = string.Empty, Score = score, Author = new("a", "A"),
        };
        var board = new MapBoard([Emotion(purchase.Id, -2), Emotion(purchase.Id, 1), Emotion(purchase.Id, 0)], new Dictionary<string, IReadOnlyList<string>>());

        Assert.Equal([null, -1 / 3.0], EmotionCurve.Scores(map, board));
    }

    [Fact]
    public void The_peak_and_the_valley_are_the_highest_and_lowest_stages()
    {
        Assert.Equal((4, 2), EmotionCurve.Extremes(Journey));
        Assert.Null(EmotionCurve.Extremes([1, 1, null]));
        Assert.Null(EmotionCurve.Extremes([null, -1]));
    }

    [Fact]
    public void The_picture_marks_the_peak_green_the_valley_red_and_draws_no_dot_where_no_one_answered()
    {
        using var bitmap = SKBitmap.Decode(EmotionCurve.Png(Journey));

        Assert.Equal((EmotionCurve.Width, EmotionCurve.Height), (bitmap.Width, bitmap.Height));
        Assert.Equal(EmotionCurve.PeakColor, At(bitmap, EmotionCurve.PointOf(4, 5, 2)));
        Assert.Equal(EmotionCurve.ValleyColor, At(bitmap, EmotionCurve.PointOf(2, 5, -2)));
        var unanswered = At(bitmap, EmotionCurve.PointOf(1, 5, 1.5));
        Assert.True(unanswered.Red > 200 && unanswered.Green > 200 && unanswered.Blue > 200, $"expected background, got {unanswered}");
    }

    [Fact]
    public void A_compared_curve_is_drawn_grey_behind_and_only_where_it_has_scores()
    {
        double?[] earlier = [-1, null, null, -2, null];
        using var alone = SKBitmap.Decode(EmotionCurve.Png(Journey));
        using var both = SKBitmap.Decode(EmotionCurve.Png(Journey, earlier));

        var ring = At(both, EmotionCurve.PointOf(0, 5, -1) + new SKPoint(5, 0));
        Assert.True(ring.Red == ring.Green && ring.Green == ring.Blue && ring.Red < 200, $"expected the grey ring, got {ring}");
        Assert.Equal(At(alone, EmotionCurve.PointOf(2, 5, 1)), At(both, EmotionCurve.PointOf(2, 5, 1)));
        Assert.Throws<ArgumentException>(() => EmotionCurve.Png(Journey, [1, 2]));
    }

    [Fact]
    public void Without_images_the_curve_reads_as_faces()
    {
        Assert.Equal("🙂 → · → 😡 → 🙂 → 😄", EmotionCurve.Faces(Journey));
    }

    [Fact]
    public void The_picture_is_small_enough_to_travel_inside_the_card()
    {
        Assert.InRange(EmotionCurve.DataUri(Journey).Length, 100, 12_000);
    }

    private static SKColor At(SKBitmap bitmap, SKPoint point) => bitmap.GetPixel((int)point.X, (int)point.Y);
}
