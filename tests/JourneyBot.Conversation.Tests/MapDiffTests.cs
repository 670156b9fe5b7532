using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Conversation.Tests;

public sealed class MapDiffTests
{
    private static readonly Person Ana = new("29:ana", "Ana");

    [Fact]
    public void Stages_added_removed_and_renamed_are_matched_by_id_not_by_name_or_place()
    {
        var (earlier, later) = (Map("Awareness", "Purchase", "Retention"), Map("Awareness", "Purchase", "Retention"));
        later.Stages.RemoveAt(2);
        later.Stages[1] = later.Stages[1] with { Name = "Buying" };
        later.Stages.Insert(0, new Stage("s9", "Trigger"));

        var diff = MapDiff.Between(Version(earlier, 1), Version(later, 2));

        Assert.Equal((1, 2), (diff.From, diff.To));
        Assert.Equal(["Trigger"], diff.StagesAdded.Select(s => s.Name));
        Assert.Equal(["Retention"], diff.StagesRemoved.Select(s => s.Name));
        Assert.Equal([("Purchase", "Buying")], diff.StagesRenamed.Select(r => (r.Before.Name, r.After.Name)));
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Touchpoints_added_and_removed_are_listed_per_stage_and_an_edited_one_is_neither()
    {
        var map = Map("Awareness", "Purchase");
        var kept = Item("t1", ItemKind.Touchpoint, "s2", "Checkout page");
        var gone = Item("t2", ItemKind.Touchpoint, "s2", "Phone order");
        var added = Item("t3", ItemKind.Touchpoint, "s1", "Instagram ad");

        var diff = MapDiff.Between(Version(map, 1, kept, gone), Version(map, 2, kept with { Text = "Checkout page (new)" }, added));

        Assert.Equal(["Instagram ad"], diff.Stage("s1")!.TouchpointsAdded.Select(i => i.Text));
        Assert.Empty(diff.Stage("s1")!.TouchpointsRemoved);
        Assert.Equal(["Phone order"], diff.Stage("s2")!.TouchpointsRemoved.Select(i => i.Text));
        Assert.Empty(diff.Stage("s2")!.TouchpointsAdded);
    }

    [Fact]
    public void The_feeling_of_a_stage_compares_its_average_before_and_after()
    {
        var map = Map("Awareness", "Purchase");
        var before = new[] { Emotion("e1", "s2", -2), Emotion("e2", "s2", -1), Emotion("e3", "s1", 1) };
        var after = new[] { Emotion("e1", "s2", -1), Emotion("e4", "s2", 0), Emotion("e3", "s1", 1), Emotion("e5", "s1", 1) };

        var diff = MapDiff.Between(Version(map, 1, before), Version(map, 2, after));

        Assert.Equal((-1.5, -0.5), (diff.Stage("s2")!.FeelingBefore, diff.Stage("s2")!.FeelingAfter));
        Assert.True(diff.Stage("s2")!.FeelingChanged);
        Assert.False(diff.Stage("s1")!.FeelingChanged);
        Assert.Equal(["s2"], diff.Changed.Select(s => s.Stage.Id));
    }

    [Fact]
    public void A_pain_point_gone_from_a_kept_stage_is_resolved_by_the_actions_of_that_stage_done_since()
    {
        var map = Map("Awareness", "Purchase");
        var pain = Item("p1", ItemKind.PainPoint, "s2", "Shipping cost shows late");
        var otherPain = Item("p2", ItemKind.PainPoint, "s1", "Ads look alike");
        var earlierActions = new MapActions([Action("o1", "s2", ActionStatus.Open), Action("o2", "s2", ActionStatus.Done)], []);
        var laterActions = new MapActions(
            [Action("o1", "s2", ActionStatus.Done), Action("o2", "s2", ActionStatus.Done), Action("o3", "s1", ActionStatus.Done)], []);

        var diff = MapDiff.Between(Version(map, 1, [pain, otherPain], earlierActions), Version(map, 2, [otherPain], laterActions));

        var resolved = Assert.Single(diff.Stage("s2")!.PainPointsResolved);
        Assert.Equal("Shipping cost shows late", resolved.PainPoint.Text);
        Assert.Equal(["o1"], resolved.DoneActions.Select(a => a.Id));
        Assert.Empty(diff.Stage("s1")!.PainPointsResolved);
    }

    [Fact]
    public void A_pain_point_of_a_removed_stage_is_not_called_resolved_and_versions_without_actions_name_none()
    {
        var map = Map("Awareness", "Purchase");
        var later = Map("Awareness");
        var pain = Item("p1", ItemKind.PainPoint, "s2", "Shipping cost shows late");

        var diff = MapDiff.Between(Version(map, 1, pain), Version(later, 2));

        Assert.Null(diff.Stage("s2"));
        Assert.Empty(diff.Stages.SelectMany(s => s.PainPointsResolved));
        Assert.Equal(["Purchase"], diff.StagesRemoved.Select(s => s.Name));
    }

    [Fact]
    public void Evidence_gained_lists_items_kept_whose_evidence_rose_and_not_those_that_fell()
    {
        var map = Map("Purchase");
        var rose = Item("t1", ItemKind.Touchpoint, "s1", "Checkout page") with { Evidence = Evidence.Assumed };
        var fell = Item("t2", ItemKind.PainPoint, "s1", "Slow page") with { Evidence = Evidence.Observed };
        var same = Item("t3", ItemKind.Goal, "s1", "Pay fast") with { Evidence = Evidence.Reported };

        var diff = MapDiff.Between(Version(map, 1, rose, fell, same),
            Version(map, 2, rose with { Evidence = Evidence.Observed }, fell with { Evidence = Evidence.Reported }, same));

        var gained = Assert.Single(diff.EvidenceGained);
        Assert.Equal(("Checkout page", Evidence.Assumed, Evidence.Observed), (gained.Item.Text, gained.Before, gained.After));
    }

    [Fact]
    public void Two_equal_versions_differ_in_nothing()
    {
        var map = Map("Awareness", "Purchase");
        var items = new[] { Item("t1", ItemKind.Touchpoint, "s1", "Ad"), Emotion("e1", "s2", -1) };

        var diff = MapDiff.Between(Version(map, 1, items), Version(map, 2, items));

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void The_earlier_curve_is_aligned_to_the_later_stages_by_id()
    {
        var earlier = Map("Awareness", "Purchase", "Retention");
        var later = Map("Awareness", "Purchase", "Retention");
        later.Stages.Reverse();
        later.Stages.Insert(1, new Stage("s9", "Trigger"));
        var before = new[] { Emotion("e1", "s1", 2), Emotion("e3", "s3", -1) };

        var diff = MapDiff.Between(Version(earlier, 1, before), Version(later, 2));

        Assert.Equal([-1, null, null, 2], diff.EarlierScores);
        Assert.Equal([null, null, null, null], diff.LaterScores);
    }

    private static JourneyMap Map(params string[] stages)
    {
        var map = new JourneyMap { Id = "m1", Name = "Shoes", Facilitator = Ana, ConversationKey = "c" };
        foreach (var stage in stages)
        {
            map.AddStage(stage);
        }

        return map;
    }

    private static PublishedMap Version(JourneyMap map, int number, params MapItem[] items) => Version(map, number, items, null);

    private static PublishedMap Version(JourneyMap map, int number, MapItem[] items, MapActions? actions)
    {
        var copy = new JourneyMap
        {
            Id = map.Id, Name = map.Name, Facilitator = map.Facilitator, ConversationKey = map.ConversationKey,
            Stages = [.. map.Stages], PublishedVersion = number, Status = MapStatus.Published,
        };
        return new PublishedMap(copy, new MapBoard(items, new Dictionary<string, IReadOnlyList<string>>()), actions);
    }

    private static MapItem Item(string id, ItemKind kind, string stage, string text) =>
        new() { Id = id, Kind = kind, StageId = stage, Text = text, Author = Ana };

    private static MapItem Emotion(string id, string stage, int score) => Item(id, ItemKind.Emotion, stage, string.Empty) with { Score = score };

    private static OwnedAction Action(string id, string stage, ActionStatus status) => new()
    {
        Id = id, StageId = stage, Text = "Action " + id, Owner = Ana, Due = new DateOnly(2026, 12, 1), Status = status,
        CreatedBy = Ana, CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
