namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    // The board tests' team: each test reads maps of its own in it.
    private readonly string _team = Maps.NewScope().TeamKey;

    [Fact]
    public async Task TryAddItem_adds_once_and_a_second_item_with_the_same_id_is_refused()
    {
        // Act
        var first = await Store.TryAddItemAsync(_team, "m1", Maps.NewItem("k1", text: "first"), Cancel);
        var again = await Store.TryAddItemAsync(_team, "m1", Maps.NewItem("k1", text: "redelivered"), Cancel);

        // Assert
        Assert.True(first);
        Assert.False(again);
        Assert.Equal("first", Assert.Single((await Store.GetBoardAsync(_team, "m1", Cancel)).Items).Text);
    }

    [Fact]
    public async Task PutItem_adds_or_replaces()
    {
        // Act
        await Store.PutItemAsync(_team, "m2", Maps.NewItem("e1", text: "calm"), Cancel);
        await Store.PutItemAsync(_team, "m2", Maps.NewItem("e1", text: "annoyed") with { Score = -1 }, Cancel);

        // Assert
        var item = Assert.Single((await Store.GetBoardAsync(_team, "m2", Cancel)).Items);
        Assert.Equal(("annoyed", -1), (item.Text, item.Score));
    }

    [Fact]
    public async Task RemoveItem_is_true_once_then_false()
    {
        // Arrange
        await Store.TryAddItemAsync(_team, "m3", Maps.NewItem("k1"), Cancel);

        // Act + Assert
        Assert.True(await Store.RemoveItemAsync(_team, "m3", "k1", Cancel));
        Assert.False(await Store.RemoveItemAsync(_team, "m3", "k1", Cancel));
        Assert.Empty((await Store.GetBoardAsync(_team, "m3", Cancel)).Items);
    }

    [Fact]
    public async Task GetBoard_returns_the_items_oldest_first_and_the_votes_of_that_map_only()
    {
        // Arrange: ids sort the other way from their age; a neighbour map whose id starts alike.
        var expected = Maps.NewItem("zz", minute: 1);
        await Store.TryAddItemAsync(_team, "k3", Maps.NewItem("bb", minute: 3), Cancel);
        await Store.TryAddItemAsync(_team, "k3", expected, Cancel);
        await Store.TryAddItemAsync(_team, "k3", Maps.NewItem("aa", minute: 2), Cancel);
        await Store.SetVotesAsync(_team, "k3", "29:1ana", ["zz", "bb"], Cancel);
        await Store.SetVotesAsync(_team, "k3", "29:1ben", ["zz"], Cancel);
        await Store.SetVotesAsync(_team, "k3", "29:1ben", ["aa"], Cancel);
        await Store.TryAddItemAsync(_team, "k3f", Maps.NewItem("cc"), Cancel);
        await Store.SetVotesAsync(_team, "k3f", "29:1ana", ["cc"], Cancel);

        // Act
        var board = await Store.GetBoardAsync(_team, "k3", Cancel);

        // Assert
        Assert.Equal(["zz", "aa", "bb"], board.Items.Select(i => i.Id));
        Assert.Equal(Maps.Json(expected), Maps.Json(board.Items[0]));
        Assert.Equal(["29:1ana", "29:1ben"], board.Votes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["zz", "bb"], board.Votes["29:1ana"]);
        Assert.Equal(["aa"], board.Votes["29:1ben"]);
        Assert.Equal(new Dictionary<string, int> { ["zz"] = 1, ["bb"] = 1, ["aa"] = 1 }, board.Tally());
    }

    [Fact]
    public async Task GetBoard_of_a_map_without_items_is_empty()
    {
        var board = await Store.GetBoardAsync(_team, "nothing-yet", Cancel);

        Assert.Empty(board.Items);
        Assert.Empty(board.Votes);
    }

    [Fact]
    public async Task Fifty_concurrent_TryAddItem_calls_on_one_map_all_land()
    {
        // Act
        var added = await ConcurrentlyAsync(50, i => Store.TryAddItemAsync(_team, "busy", Maps.NewItem($"k{i:00}", minute: i), Cancel));

        // Assert
        Assert.All(added, Assert.True);
        Assert.Equal(50, (await Store.GetBoardAsync(_team, "busy", Cancel)).Items.Count);
    }
}
