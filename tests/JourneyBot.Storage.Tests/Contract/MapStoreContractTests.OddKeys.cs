using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task Odd_team_and_conversation_keys_round_trip_and_do_not_collide()
    {
        // Arrange: every odd key as a team (one conversation each) and as a conversation (one team).
        var team = Maps.NewScope().TeamKey;
        for (var i = 0; i < OddKeys.All.Count; i++)
        {
            var asTeam = new MapScope(OddKeys.All[i], "19:general@thread.tacv2");
            var asConversation = new MapScope(team, OddKeys.All[i]);
            Assert.NotNull(await Store.TryPlaceAsync(asTeam, Maps.NewMap(asTeam, $"team{i}"), null, Cancel));
            Assert.NotNull(await Store.TryPlaceAsync(asConversation, Maps.NewMap(asConversation, $"conv{i}"), null, Cancel));
        }

        // Act + Assert
        for (var i = 0; i < OddKeys.All.Count; i++)
        {
            var asTeam = new MapScope(OddKeys.All[i], "19:general@thread.tacv2");
            var asConversation = new MapScope(team, OddKeys.All[i]);
            Assert.Equal($"team{i}", (await Store.GetConversationMapAsync(asTeam, Cancel))?.Map.Id);
            Assert.Equal($"conv{i}", (await Store.GetConversationMapAsync(asConversation, Cancel))?.Map.Id);
            Assert.Equal([$"team{i}"], (await Store.ListMapsAsync(OddKeys.All[i], Cancel)).Select(m => m.Id));
        }

        var lines = await Store.ListMapsAsync(team, Cancel);
        Assert.Equal(OddKeys.All.Order(StringComparer.Ordinal), lines.Select(m => m.ConversationKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Odd_map_item_and_person_ids_round_trip_and_do_not_collide()
    {
        // Arrange: every odd key as a map (with one item), as an item id, as a voter and as a member.
        var team = Maps.NewScope().TeamKey;
        for (var i = 0; i < OddKeys.All.Count; i++)
        {
            var key = OddKeys.All[i];
            Assert.True(await Store.TryAddItemAsync(team, key, Maps.NewItem($"item{i}"), Cancel));
            Assert.True(await Store.TryAddItemAsync(team, "shared", Maps.NewItem(key, minute: i), Cancel));
            await Store.SetVotesAsync(team, "shared", key, [key], Cancel);
            await Store.PutMemberAsync(team, key, Member(i), Cancel);
        }

        // Act
        var shared = await Store.GetBoardAsync(team, "shared", Cancel);

        // Assert
        Assert.Equal(OddKeys.All, shared.Items.Select(item => item.Id));
        Assert.Equal(OddKeys.All.Order(StringComparer.Ordinal), shared.Votes.Keys.Order(StringComparer.Ordinal));
        Assert.All(shared.Votes, vote => Assert.Equal([vote.Key], vote.Value));
        for (var i = 0; i < OddKeys.All.Count; i++)
        {
            var key = OddKeys.All[i];
            Assert.Equal([$"item{i}"], (await Store.GetBoardAsync(team, key, Cancel)).Items.Select(item => item.Id));
            Assert.Equal(Member(i), await Store.GetMemberAsync(team, key, Cancel));
            Assert.True(await Store.RemoveItemAsync(team, "shared", key, Cancel));
        }
    }

    // Every other member without a department, so both shapes of the row meet every odd key.
    private static TeamMember Member(int i) => new(i % 2 == 0 ? $"dept{i}" : null, AskedForDepartment: i % 3 == 0)
    {
        Chat = i % 2 == 1 ? new PersonalChat("https://smba.example/teams/", OddKeys.All[i]) : null,
        Muted = i % 4 == 1,
    };
}
