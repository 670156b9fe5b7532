using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests;

/// <summary>The counts kept beside a map's items (<see cref="CountRows"/>), and maps stored before they were kept.</summary>
public sealed class KeptCountsTests(StoreFixture fixture) : TableStoreTests(fixture)
{
    private readonly string _team = Maps.NewScope().TeamKey;

    [Fact]
    public async Task A_map_stored_before_counts_were_kept_has_them_made_from_its_items_once()
    {
        // Arrange: items written as the bot wrote them before, without counts
        var partition = KeyEncoder.Encode(_team);
        for (var i = 0; i < 30; i++)
        {
            var item = Maps.NewItem($"k{i:D2}", i) with { Author = new Person($"29:1p{i % 3}", $"P{i % 3}"), Kind = i % 2 == 0 ? ItemKind.Touchpoint : ItemKind.Goal };
            await Fixture.Table.AddEntityAsync(MapRows.Item(partition, "old", item), Cancel);
        }

        await Store.SetVotesAsync(_team, "old", "29:1p1", ["k01"], Cancel);

        // Act
        var made = await Tables.GetCountsAsync(_team, "old", Cancel);
        var before = Fixture.Metrics.Total;
        var read = await Tables.GetCountsAsync(_team, "old", Cancel);
        var readCost = Fixture.Metrics.Total - before;
        await Tables.TryAddItemAsync(_team, "old", Maps.NewItem("k30", 30) with { Author = new Person("29:1p0", "P0") }, Cancel);
        var after = await Tables.GetCountsAsync(_team, "old", Cancel);

        // Assert
        Assert.Equal((30, 1, 15, 15), (made.Items, made.Voters, made.Of("s1", ItemKind.Touchpoint), made.Of("s1", ItemKind.Goal)));
        Assert.Equal((30, 10), (read.Items, read.Tally().Of("29:1p2")));
        Assert.Equal(2, readCost); // counts and votes, departments: made once, not again
        Assert.Equal((31, 11), (after.Items, after.Tally().Of("29:1p0")));
        Assert.Equal(["k30", "k29", "k28"], after.Latest(3).Select(i => i.Id));
    }

    [Fact]
    public async Task An_items_author_gets_a_counts_row_beside_the_items()
    {
        // Act
        await Tables.TryAddItemAsync(_team, "m", Maps.NewItem("k1"), Cancel);

        // Assert
        var row = await RowAsync(_team, RowKeys.AuthorCounts("m", "29:1ana"));
        Assert.Equal((CountRows.CountsKind, 1), (row.GetString(MapRows.KindProperty), CountRows.Read(row).Items));
    }

    private TableMapStore Tables => Fixture.Services.GetRequiredService<TableMapStore>();
}
