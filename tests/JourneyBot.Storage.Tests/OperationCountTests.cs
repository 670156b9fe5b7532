using System.Diagnostics.Metrics;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace JourneyBot.Storage.Tests;

/// <summary>Every store call is the round trips its design says, and the counter sees each one.</summary>
public sealed class OperationCountTests(StoreFixture fixture) : TableStoreTests(fixture)
{
    private readonly string _team = Maps.NewScope().TeamKey;

    [Fact]
    public async Task GetBoard_of_ten_items_and_their_votes_is_one_query_and_the_departments_one_more()
    {
        // Arrange
        for (var i = 0; i < 10; i++)
        {
            await Store.TryAddItemAsync(_team, "m", Maps.NewItem($"k{i}"), Cancel);
            await Store.SetVotesAsync(_team, "m", $"29:1voter{i}", [$"k{i}"], Cancel);
        }

        var before = Fixture.Metrics.Total;

        // Act
        var board = await Store.GetBoardAsync(_team, "m", Cancel);

        // Assert
        Assert.Equal((10, 10), (board.Items.Count, board.Votes.Count));
        Assert.Equal(2, Fixture.Metrics.Total - before); // sent at once: no longer to wait
    }

    [Fact]
    public async Task Counting_2000_items_reads_their_authors_counts_in_one_request_once_the_counts_are_made()
    {
        // Arrange: ten authors adding at once, each one item after another
        await Parallel.ForEachAsync(Enumerable.Range(0, 10), new ParallelOptions { MaxDegreeOfParallelism = 10, CancellationToken = Cancel },
            async (p, ct) =>
            {
                for (var i = p; i < 2000; i += 10)
                {
                    await Store.TryAddItemAsync(_team, "m", Maps.NewItem($"k{i:D4}") with { Author = new Person($"29:1p{p}", "P") }, ct);
                }
            });
        var made = await Tables.CountItemsAsync(_team, "m", Cancel); // the map's first count makes the counts once
        var before = Fixture.Metrics.Total;

        // Act
        var tally = await Tables.CountItemsAsync(_team, "m", Cancel);

        // Assert
        Assert.Equal((2000, 200), (made.Items, made.Of("29:1p3")));
        Assert.Equal((2000, 200), (tally.Items, tally.Of("29:1p3")));
        Assert.Equal(1, Fixture.Metrics.Total - before); // a row per author, not per item
    }

    // The table store itself, under the cache the bot puts over it (CachedMapStoreTests shows what that spares).
    // An item is written with its author's counts: read once, then kept by the store with their version,
    // so the duplicate add, the edit and the removal write them straight away. A new map's counts are
    // kept from its first item (its place says so), so counting them is one query.
    [Fact]
    public async Task Every_other_store_call_is_one_request_counted_with_its_kind()
    {
        // Arrange
        var scope = new MapScope(_team, "19:general@thread.tacv2");
        using var collector = new MetricCollector<long>(
            Fixture.Services.GetRequiredService<IMeterFactory>(), StorageMetrics.MeterName, StorageMetrics.OperationsCounterName);

        // Act
        await Tables.TryPlaceAsync(scope, Maps.NewMap(scope, "m"), null, Cancel);
        var held = (await Tables.GetConversationMapAsync(scope, Cancel))!;
        var saved = await Tables.TrySaveAsync(scope, held, Cancel);
        await Tables.TrySaveAsync(scope, held, Cancel);
        await Tables.TryPlaceAsync(scope, Maps.NewMap(scope, "n"), held with { ETag = saved! }, Cancel);
        await Tables.GetShelvedMapAsync(_team, "m", Cancel);
        await Tables.ListMapsAsync(_team, Cancel);
        await Tables.TryAddItemAsync(_team, "n", Maps.NewItem("k1"), Cancel);
        await Tables.TryAddItemAsync(_team, "n", Maps.NewItem("k1"), Cancel);
        await Tables.PutItemAsync(_team, "n", Maps.NewItem("k1"), Cancel);
        await Tables.RemoveItemAsync(_team, "n", "k1", Cancel);
        await Tables.RemoveItemAsync(_team, "n", "k1", Cancel);
        await Tables.SetVotesAsync(_team, "n", "29:1ana", ["k1"], Cancel);
        await Tables.CountItemsAsync(_team, "n", Cancel);
        await Tables.PutMemberAsync(_team, "29:1ana", new TeamMember("Sales", true), Cancel);
        await Tables.GetMemberAsync(_team, "29:1ana", Cancel);
        await Tables.GetMemberAsync(_team, "29:1nobody", Cancel);

        // Assert
        var requests = collector.GetMeasurementSnapshot();
        Assert.All(requests, r => Assert.Equal(1, r.Value));
        Assert.Equal(
            ["transaction", "read", "transaction", "transaction", "transaction", "read", "query",
             "read", "transaction", "transaction", "transaction", "read", "transaction", "read",
             "upsert", "query", "upsert", "read", "read"],
            requests.Select(r => (string)r.Tags["operation"]!));
    }

    private TableMapStore Tables => Fixture.Services.GetRequiredService<TableMapStore>();
}
