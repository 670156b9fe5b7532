using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task ListMaps_of_a_team_without_maps_is_empty()
    {
        Assert.Empty(await Store.ListMapsAsync(Maps.NewScope().TeamKey, Cancel));
    }

    [Fact]
    public async Task ListMaps_lists_every_map_of_the_team_newest_first_and_no_items_or_votes()
    {
        // Arrange: three conversations of one team, a map each; items and votes on the first.
        var team = Maps.NewScope().TeamKey;
        foreach (var id in new[] { "first", "second", "third" })
        {
            var scope = new MapScope(team, "19:" + id + "@thread.tacv2");
            await Store.TryPlaceAsync(scope, Maps.NewMap(scope, id, "Journey " + id), null, Cancel);
        }

        await Store.TryAddItemAsync(team, "first", Maps.NewItem("k1"), Cancel);
        await Store.SetVotesAsync(team, "first", "29:1ana", ["k1"], Cancel);
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Support", true), Cancel);
        var elsewhere = Maps.NewScope();
        await Store.TryPlaceAsync(elsewhere, Maps.NewMap(elsewhere, "other-team"), null, Cancel);

        // Act
        var maps = await Store.ListMapsAsync(team, Cancel);

        // Assert
        Assert.Equal(["third", "second", "first"], maps.Select(m => m.Id));
        Assert.Equal("Journey first", maps[2].Name);
        Assert.Equal("19:first@thread.tacv2", maps[2].ConversationKey);
        Assert.All(maps, m => Assert.Equal(MapStatus.Active, m.Status));
        Assert.True(maps[0].UpdatedAt > maps[1].UpdatedAt);
    }

    [Fact]
    public async Task GetShelvedMap_of_a_map_a_conversation_holds_or_of_no_map_is_null()
    {
        // Arrange
        var scope = Maps.NewScope();
        await HoldAsync(scope, "held");

        // Act + Assert
        Assert.Null(await Store.GetShelvedMapAsync(scope.TeamKey, "held", Cancel));
        Assert.Null(await Store.GetShelvedMapAsync(scope.TeamKey, "nowhere", Cancel));
        Assert.Null(await Store.GetShelvedAsync(scope.TeamKey, "held", Cancel));
        Assert.Null(await Store.GetShelvedAsync(scope.TeamKey, "nowhere", Cancel));
    }
}
