using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task A_maps_counts_are_what_its_items_and_votes_say_after_adds_feelings_edits_and_removals()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        var bea = new Person("29:1bea", "Bea");
        var feeling = Maps.NewItem("e1", 5) with { Author = bea, Kind = ItemKind.Emotion, Score = -2, Text = "lost" };
        for (var i = 0; i < 8; i++)
        {
            await Store.TryAddItemAsync(team, "m1", Maps.NewItem($"k{i}", i) with { StageId = i % 2 == 0 ? "s1" : "s2" }, Cancel);
        }

        await Store.PutItemAsync(team, "m1", feeling, Cancel);
        await Store.PutItemAsync(team, "m1", feeling with { Score = 1, Text = "fine", CreatedAt = Maps.Morning.AddMinutes(9) }, Cancel); // given again
        await Store.PutItemAsync(team, "m1", Maps.NewItem("e2", 10) with { Author = bea, Kind = ItemKind.Emotion, Score = 2, StageId = "s2" }, Cancel);
        await Store.PutItemAsync(team, "m1", Maps.NewItem("k0") with { Kind = ItemKind.Opportunity, Text = "Call back" }, Cancel); // an edit of an old item
        await Store.PutItemAsync(team, "m1", Maps.NewItem("k7", 7) with { StageId = "s1" }, Cancel); // moved
        await Store.RemoveItemAsync(team, "m1", "k6", Cancel);
        await Store.RemoveItemAsync(team, "m1", "k1", Cancel);
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k3", 3), Cancel); // redelivered: not counted twice
        await Store.SetVotesAsync(team, "m1", "29:1ana", ["k2"], Cancel);
        await Store.SetVotesAsync(team, "m1", bea.Id, [], Cancel);
        await Store.PutMemberAsync(team, bea.Id, new TeamMember("Stores", true), Cancel);
        await Store.TryAddItemAsync(team, "m2", Maps.NewItem("k1"), Cancel);

        // Act
        var counts = await Store.GetCountsAsync(team, "m1", Cancel);

        // Assert
        var board = await Store.GetBoardAsync(team, "m1", Cancel);
        Assert.Equal(Shown(MapCounts.Of(board)), Shown(counts));
        Assert.Equal((8, 1, 3, 1, 1, 2.0, "Stores"),
            (counts.Items, counts.Voters, counts.Of("s1", ItemKind.PainPoint), counts.Of("s1", ItemKind.Opportunity), counts.ScoreOf("s1"), counts.ScoreOf("s2"), counts.Authors[1].Department));
        Assert.Equal(["e2", "e1", "k7"], counts.Latest(3).Select(i => i.Id));
        Assert.Equal(MapCounts.Empty.Items, (await Store.GetCountsAsync(team, "m9", Cancel)).Items);
    }

    [Fact]
    public async Task Counts_keep_every_item_of_members_adding_at_once_and_of_one_member_adding_from_two_turns_at_once()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;

        // Act: ten members, and Ana twice more, each adding at the same moments
        await ConcurrentlyAsync(12, async i =>
        {
            var author = i < 10 ? new Person($"29:1m{i}", $"M{i}") : new Person("29:1ana", "Ana");
            for (var n = 0; n < 5; n++)
            {
                await Store.TryAddItemAsync(team, "m1", Maps.NewItem($"k{i}-{n}", n) with { Author = author }, Cancel);
            }

            return true;
        });

        // Assert
        var counts = await Store.GetCountsAsync(team, "m1", Cancel);
        Assert.Equal((60, 10), (counts.Items, counts.Tally().Of("29:1ana")));
        Assert.Equal(Shown(MapCounts.Of(await Store.GetBoardAsync(team, "m1", Cancel))), Shown(counts));
    }

    // What status and the progress card show of the counts: per author, in order, their counts per stage
    // and kind, feelings, and their three newest items (after removals among the newest, the store keeps fewer
    // than the board has, never others).
    private static IEnumerable<string> Shown(MapCounts counts) =>
        counts.Authors.Select(a => string.Join(' ',
            a.Author.Id, a.Author.Name, a.Department, a.Items, a.FirstAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            string.Join(';', a.Stages.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{s.Key}:{string.Join(',', s.Value.Kinds.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"))}/{s.Value.ScoreSum}/{s.Value.Scores}")),
            string.Join(',', a.Latest.Take(3).Select(i => i.Id)),
            string.Join(',', a.Feelings.Keys.Order(StringComparer.Ordinal)))).Append($"voters {counts.Voters}");
}
