using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>A stage's confidence, "Purchase: 1 of 7 observed": a pure function of its items.</summary>
public sealed class StageConfidenceTests
{
    private static readonly Stage Purchase = new("s3", "Purchase");
    private static readonly Stage Advocacy = new("s5", "Advocacy");

    [Fact]
    public void Counts_the_observed_items_of_the_stage_of_all_its_items()
    {
        MapItem[] items =
        [
            Item(Purchase, Evidence.Observed), Item(Purchase, Evidence.Reported), Item(Purchase, Evidence.Assumed),
            Item(Purchase, Evidence.Assumed) with { EvidenceUnsaid = true }, Item(Purchase, Evidence.Reported),
            Item(Purchase, Evidence.Assumed) with { Kind = ItemKind.Emotion, Score = -1 }, Item(Purchase, Evidence.Assumed),
            // Another stage's observed items count for that stage only.
            Item(Advocacy, Evidence.Observed), Item(Advocacy, Evidence.Observed),
        ];

        var confidence = StageConfidence.Of(Purchase, items);

        Assert.Equal(new StageConfidence(1, 7), confidence);
        Assert.Equal("1 of 7 observed", confidence.Line());
        Assert.False(confidence.NothingObserved);
        Assert.Equal("2 of 2 observed", StageConfidence.Of(Advocacy, items).Line());
    }

    [Fact]
    public void An_item_whose_author_has_not_said_is_never_counted_as_observed()
    {
        var confidence = StageConfidence.Of(Purchase, [Item(Purchase, Evidence.Observed) with { EvidenceUnsaid = true }]);

        Assert.Equal(new StageConfidence(0, 1), confidence);
        Assert.True(confidence.NothingObserved);
    }

    [Fact]
    public void A_stage_without_items_has_nothing_observed_and_no_line()
    {
        var confidence = StageConfidence.Of(Purchase, [Item(Advocacy, Evidence.Observed)]);

        Assert.Equal(new StageConfidence(0, 0), confidence);
        Assert.True(confidence.NothingObserved);
        Assert.Null(confidence.Line());
    }

    [Fact]
    public void The_gaps_list_the_stages_with_nothing_observed()
    {
        var map = new JourneyMap { Id = "m", Name = "Shoes", Facilitator = new("alex", "Alex"), ConversationKey = "c" };
        var (awareness, purchase, advocacy) = (map.AddStage("Awareness"), map.AddStage("Purchase"), map.AddStage("Advocacy"));
        var board = new MapBoard(
            [Item(awareness, Evidence.Reported), Item(purchase, Evidence.Observed), Item(purchase, Evidence.Assumed)],
            new Dictionary<string, IReadOnlyList<string>>());

        var gaps = MapGaps.Of(map, board);

        Assert.Equal([awareness, advocacy], gaps.WithoutObserved);
        Assert.Contains("Nothing observed yet: Awareness, Advocacy", gaps.Lines());
    }

    private static MapItem Item(Stage stage, Evidence evidence) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Kind = ItemKind.PainPoint, StageId = stage.Id, Text = "Sizes run small",
        Evidence = evidence, Author = new Person("megan", "Megan"),
    };
}
