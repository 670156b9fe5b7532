using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Every kind of item has its own words everywhere a kind is named or typed, so a kind added to
/// <see cref="ItemKind"/> cannot fall silently into another kind's default; and the typed forms
/// of the method's thinking lane and bright spots read as items.
/// </summary>
public sealed class ItemKindWordsTests
{
    public static TheoryData<ItemKind> Kinds => new(Enum.GetValues<ItemKind>());

    [Fact]
    public void Every_kind_has_its_own_name_title_token_and_syntax()
    {
        var kinds = Enum.GetValues<ItemKind>();

        Assert.Equal(kinds.Length, kinds.Select(Vocabulary.Name).Distinct().Count());
        Assert.Equal(kinds.Length, kinds.Select(Vocabulary.Title).Distinct().Count());
        Assert.Equal(kinds.Length, kinds.Select(Contribution.Token).Distinct().Count());
        Assert.Equal(kinds.Length, kinds.Select(Contribution.Syntax).Distinct().Count());
    }

    [Fact]
    public void Every_kinds_entry_on_the_contribution_form_asks_its_own_question()
    {
        var map = new JourneyMap { Id = "m", Name = "Map", Facilitator = new("a", "Alex"), ConversationKey = "c", Step = MapStep.Contribute };
        map.AddStage("Purchase");
        var entries = ContributeCard.For(map).Body.OfType<Container>().Where(c => c.Id?.StartsWith("entry.", StringComparison.Ordinal) == true).ToList();

        var questions = entries.Select(e => string.Join(" | ", e.Items.Skip(1).Select(i => (i as InputText)?.Label ?? (i as InputChoiceSet)?.Label))).ToList();

        Assert.Equal(Enum.GetValues<ItemKind>().Select(ContributeEntries.EntryId).Order(), entries.Select(e => e.Id!).Order());
        Assert.Equal(questions.Count, questions.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kinds_card_token_and_its_typed_syntax_read_back_as_that_kind(ItemKind kind)
    {
        Assert.Equal(kind, Vocabulary.ParseKind(Contribution.Token(kind)));
        var keyword = Contribution.Syntax(kind).Split('*')[1].Split(" stage")[0];
        Assert.Equal(kind, Assert.IsType<AddItemCommand>(CommandParser.Parse(keyword + " Purchase | x | 1")).Kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_an_entry_on_the_contribution_form_and_is_counted_in_a_stages_summary(ItemKind kind)
    {
        Assert.Contains(kind, ContributeEntries.Entries);
        if (kind != ItemKind.Emotion)
        {
            var map = new JourneyMap { Id = "m", Name = "Map", Facilitator = new("a", "Alex"), ConversationKey = "c" };
            var stage = map.AddStage("Purchase");
            var item = new MapItem { Id = "i1", Kind = kind, StageId = stage.Id, Text = "x", Author = new("a", "Alex") };
            Assert.NotEqual(Resources.Strings.NothingYet, ReviewCard.StageSummary(stage, new MapBoard([item], new Dictionary<string, IReadOnlyList<string>>())));
        }
    }

    [Theory]
    [InlineData("thought Purchase | Will these fit me?", "Purchase", "Will these fit me?", null)]
    [InlineData("THOUGHT Purchase | Is it worth the price? | reported", "Purchase", "Is it worth the price?", "reported")]
    [InlineData("thoughts 2 | Am I a real runner?", "2", "Am I a real runner?", null)]
    public void A_typed_thought_is_an_item_of_the_thinking_lane(string typed, string stage, string text, string? evidence)
    {
        var add = Assert.IsType<AddItemCommand>(CommandParser.Parse(typed));

        Assert.Equal(new AddItemCommand(ItemKind.Thought, stage, text, null, null, null, evidence), add);
    }

    [Theory]
    [InlineData("bright spot Purchase | Staff let you run on the treadmill", "Purchase", "Staff let you run on the treadmill", null)]
    [InlineData("Bright Spot Purchase | Free returns | observed", "Purchase", "Free returns", "observed")]
    [InlineData("brightspot 3 | Free returns", "3", "Free returns", null)]
    [InlineData("bright-spot 3 | Free returns", "3", "Free returns", null)]
    public void A_typed_bright_spot_is_an_item_of_what_works_well(string typed, string stage, string text, string? evidence)
    {
        var add = Assert.IsType<AddItemCommand>(CommandParser.Parse(typed));

        Assert.Equal(new AddItemCommand(ItemKind.BrightSpot, stage, text, null, null, null, evidence), add);
    }

    [Theory]
    [InlineData("Bright idea, let's do that")]
    [InlineData("Thoughtful of you")]
    [InlineData("bright")]
    public void Talk_that_starts_like_a_new_kind_is_no_item(string typed)
    {
        Assert.IsNotType<AddItemCommand>(CommandParser.Parse(typed));
    }

    [Theory]
    [InlineData("truth k3f9q", "k3f9q", true)]
    [InlineData("TRUTH  [k3f9q]", "[k3f9q]", true)]
    [InlineData("truth off k3f9q", "k3f9q", false)]
    [InlineData("truth OFF #k3f9q", "#k3f9q", false)]
    [InlineData("truth", "", true)]
    public void Truth_marks_or_unmarks_a_moment_of_truth(string typed, string id, bool on)
    {
        Assert.Equal(new TruthCommand(id, on), CommandParser.Parse(typed));
    }
}
