using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task Ten_concurrent_takes_of_one_shelved_map_into_ten_conversations_let_exactly_one_win()
    {
        // Arrange: "old" is on the shelf; ten conversations of the team each read it and take it.
        var home = Maps.NewScope();
        var held = await HoldAsync(home, "old");
        Assert.NotNull(await Store.TryPlaceAsync(home, Maps.NewMap(home, "new"), held, Cancel));
        var scopes = Enumerable.Range(0, 10).Select(i => home with { ConversationKey = $"19:taker{i}@thread.tacv2" }).ToArray();
        var shelved = new List<StoredMap>();
        foreach (var scope in scopes)
        {
            var read = (await Store.GetShelvedAsync(home.TeamKey, "old", Cancel))!;
            read.Map.ConversationKey = scope.ConversationKey;
            shelved.Add(read);
        }

        // Act
        var results = await ConcurrentlyAsync(10, i => Store.TryTakeAsync(scopes[i], shelved[i], null, null, Cancel));

        // Assert: one conversation holds it, the shelf names that one, nine were refused.
        var winner = Assert.Single(results.Select((etag, i) => (etag, i)), r => r.etag is not null);
        var holders = new List<MapScope>();
        foreach (var scope in scopes)
        {
            if (await Store.GetConversationMapAsync(scope, Cancel) is not null)
            {
                holders.Add(scope);
            }
        }

        Assert.Equal([scopes[winner.i]], holders);
        var line = Assert.Single(await Store.ListMapsAsync(home.TeamKey, Cancel), m => m.Id == "old");
        Assert.Equal(scopes[winner.i].ConversationKey, line.ConversationKey);
        Assert.Null(await Store.GetShelvedMapAsync(home.TeamKey, "old", Cancel));
    }

    [Fact]
    public async Task TryTake_out_of_another_conversation_moves_the_map_once_and_leaves_that_conversation_empty()
    {
        // Arrange: conversation A holds "a"; B and C read it there to take it.
        var source = Maps.NewScope();
        await HoldAsync(source, "a");
        var to = source with { ConversationKey = "19:b@thread.tacv2" };
        var late = source with { ConversationKey = "19:c@thread.tacv2" };
        var read = await HeldAsync(source);
        read.Map.ConversationKey = to.ConversationKey;
        var readLate = await HeldAsync(source);

        // Act
        var taken = await Store.TryTakeAsync(to, read, source, null, Cancel);
        var takenLate = await Store.TryTakeAsync(late, readLate, source, null, Cancel);

        // Assert
        Assert.NotNull(taken);
        Assert.Null(takenLate);
        Assert.Null(await Store.GetConversationMapAsync(source, Cancel));
        Assert.Null(await Store.GetConversationMapAsync(late, Cancel));
        Assert.Equal(("a", to.ConversationKey), ((await HeldAsync(to)).Map.Id, (await HeldAsync(to)).Map.ConversationKey));
        Assert.Equal(to.ConversationKey, Assert.Single(await Store.ListMapsAsync(source.TeamKey, Cancel)).ConversationKey);
    }
}
