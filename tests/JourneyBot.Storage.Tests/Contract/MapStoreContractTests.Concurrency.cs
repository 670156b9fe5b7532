using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task Twenty_concurrent_TrySave_calls_from_the_same_version_save_exactly_once()
    {
        // Arrange: twenty members read the same version and each changes it.
        var scope = Maps.NewScope();
        await HoldAsync(scope, "m");
        var reads = new List<StoredMap>();
        for (var i = 0; i < 20; i++)
        {
            var read = await HeldAsync(scope);
            read.Map.Persona = $"persona {i}";
            reads.Add(read);
        }

        // Act
        var results = await ConcurrentlyAsync(reads.Count, i => Store.TrySaveAsync(scope, reads[i], Cancel));

        // Assert
        var winner = Assert.Single(results.Select((etag, i) => (etag, i)), r => r.etag is not null);
        var stored = await HeldAsync(scope);
        Assert.Equal((winner.etag, $"persona {winner.i}"), (stored.ETag, stored.Map.Persona));
    }

    [Fact]
    public async Task Concurrent_TryPlace_calls_into_an_empty_conversation_place_exactly_one_map()
    {
        // Arrange
        var scope = Maps.NewScope();

        // Act
        var results = await ConcurrentlyAsync(10, i => Store.TryPlaceAsync(scope, Maps.NewMap(scope, $"map{i}"), null, Cancel));

        // Assert
        Assert.Single(results, etag => etag is not null);
        Assert.NotNull(await Store.GetConversationMapAsync(scope, Cancel));
    }

    [Fact]
    public async Task Concurrent_TryAddItem_calls_with_one_id_add_it_exactly_once()
    {
        // Arrange: the channel redelivers one activity while the first delivery is still being handled.
        var team = Maps.NewScope().TeamKey;

        // Act
        var added = await ConcurrentlyAsync(10, i => Store.TryAddItemAsync(team, "m", Maps.NewItem("k1", text: $"delivery {i}"), Cancel));

        // Assert
        var winner = Assert.Single(added.Select((ok, i) => (ok, i)), r => r.ok);
        Assert.Equal($"delivery {winner.i}", Assert.Single((await Store.GetBoardAsync(team, "m", Cancel)).Items).Text);
    }

    [Fact]
    public async Task Concurrent_RemoveItem_calls_remove_it_exactly_once()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        await Store.TryAddItemAsync(team, "m", Maps.NewItem("k1"), Cancel);

        // Act
        var removed = await ConcurrentlyAsync(10, _ => Store.RemoveItemAsync(team, "m", "k1", Cancel));

        // Assert
        Assert.Single(removed, ok => ok);
        Assert.Empty((await Store.GetBoardAsync(team, "m", Cancel)).Items);
    }

    [Fact]
    public async Task Concurrent_items_votes_members_and_reads_from_forty_members_all_land()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;

        // Act: each member adds an item, votes for it and says their department, reading the board meanwhile.
        var seen = await ConcurrentlyAsync(40, async i =>
        {
            await Store.PutItemAsync(team, "busy", Maps.NewItem($"k{i:00}", minute: i), Cancel);
            await Store.SetVotesAsync(team, "busy", $"29:1member{i:00}", [$"k{i:00}"], Cancel);
            await Store.PutMemberAsync(team, $"29:1member{i:00}", new TeamMember($"dept{i}", true), Cancel);
            return (await Store.GetBoardAsync(team, "busy", Cancel)).Items.Count;
        });

        // Assert
        Assert.All(seen, count => Assert.InRange(count, 1, 40));
        var board = await Store.GetBoardAsync(team, "busy", Cancel);
        Assert.Equal(40, board.Items.Count);
        Assert.Equal(Enumerable.Repeat(1, 40), board.Tally().Values);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(new TeamMember($"dept{i}", true), await Store.GetMemberAsync(team, $"29:1member{i:00}", Cancel));
        }
    }
}
