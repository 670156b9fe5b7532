using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

/// <summary>
/// Documents are stored with <see cref="MapJson.Storage"/>: Greek letters as themselves, one
/// character each, where <see cref="MapJson.Default"/> writes six (<c>\u03A4</c>).
/// </summary>
/// <remarks>
/// Emoji are not asserted unescaped: System.Text.Json's encoders escape every character past
/// U+FFFF, the relaxed one too (dotnet/runtime#42847). They must round-trip all the same.
/// </remarks>
public sealed class StoredJsonTests(StoreFixture fixture) : TableStoreTests(fixture)
{
    private const string Greek = "Ταξίδι πελάτη: από την αναζήτηση στην αγορά";
    private const string Named = Greek + " 🚀😀";

    [Fact]
    public async Task A_map_named_in_Greek_is_stored_unescaped_in_the_conversation_and_on_the_shelf_and_round_trips()
    {
        // Arrange
        var scope = Maps.NewScope();
        var map = Maps.NewMap(scope, "el", Named);

        // Act: placed, then shelved by another map.
        await Store.TryPlaceAsync(scope, map, null, Cancel);
        var held = await HeldAsync(scope);
        var inConversation = await RowAsync(scope.TeamKey, RowKeys.Conversation(scope.ConversationKey));
        await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "next"), held, Cancel);
        var onShelf = await RowAsync(scope.TeamKey, RowKeys.Shelf("el"));
        var shelved = await Store.GetShelvedMapAsync(scope.TeamKey, "el", Cancel);

        // Assert
        Assert.Contains(Greek, inConversation.GetString("Doc0"), StringComparison.Ordinal);
        Assert.Contains(Greek, onShelf.GetString("Doc0"), StringComparison.Ordinal);
        Assert.Equal(Named, held.Map.Name);
        Assert.Equal(Maps.Json(map), Maps.Json(held.Map));
        Assert.NotNull(shelved);
        Assert.Equal(Maps.Json(map), Maps.Json(shelved));
    }

    [Fact]
    public async Task An_item_in_Greek_is_stored_unescaped_and_round_trips()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        var item = Maps.NewItem("k1", text: Named);

        // Act
        await Store.PutItemAsync(team, "m", item, Cancel);

        // Assert
        Assert.Contains(Greek, (await RowAsync(team, RowKeys.Item("m", "k1"))).GetString("Doc0"), StringComparison.Ordinal);
        Assert.Equal(Maps.Json(item), Maps.Json(Assert.Single((await Store.GetBoardAsync(team, "m", Cancel)).Items)));
    }
}
