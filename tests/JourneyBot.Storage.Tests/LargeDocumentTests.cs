using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

public sealed class LargeDocumentTests(StoreFixture fixture) : TableStoreTests(fixture)
{
    [Fact]
    public async Task A_300_KB_map_round_trips_through_the_conversation_and_the_shelf()
    {
        // Arrange: 3,000 long stage names (the store does not limit them) make a document far past
        // one property's 32K characters. Each has Greek and an emoji, but is mostly ASCII: Azurite
        // weighs an entity by its request body, where the SDK escapes every non-ASCII character to
        // six bytes, and an all-Greek document this long would pass the service's 1 MiB (two bytes
        // a character) but not Azurite's.
        var scope = Maps.NewScope();
        var map = Maps.NewMap(scope, "big");
        for (var i = 0; i < 3_000; i++)
        {
            map.AddStage($"Stage {i:0000}: the customer compares the offers and asks a friend — Αγορά 🚀");
        }

        Assert.InRange(Maps.Json(map).Length, 300_000, 480_000);

        // Act
        await Store.TryPlaceAsync(scope, map, null, Cancel);
        var held = await HeldAsync(scope);
        held.Map.Persona = "Όλοι";
        var saved = await Store.TrySaveAsync(scope, held, Cancel);
        var reread = await HeldAsync(scope);
        await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "small"), reread, Cancel);
        var shelved = await Store.GetShelvedMapAsync(scope.TeamKey, "big", Cancel);

        // Assert
        Assert.NotNull(saved);
        Assert.Equal(Maps.Json(held.Map), Maps.Json(reread.Map));
        Assert.Equal(3_000, reread.Map.Stages.Count);
        Assert.NotNull(shelved);
        Assert.Equal(Maps.Json(held.Map), Maps.Json(shelved));
    }

    [Fact]
    public async Task A_published_version_larger_than_one_entity_round_trips_in_one_query()
    {
        // Arrange: 2,000 items of 400 characters make a version of some 1.4 million characters,
        // three entities' worth; a second, small version of the same map stays apart.
        var scope = Maps.NewScope();
        var map = Maps.NewMap(scope, "big");
        map.Status = MapStatus.Published;
        var items = Enumerable.Range(0, 2_000).Select(i => Maps.NewItem($"k{i:0000}", i, $"Item {i:0000} 😀 " + new string('x', 385))).ToList();
        var board = new MapBoard(items, new Dictionary<string, IReadOnlyList<string>> { ["29:1ana"] = ["k0001", "k1999"] });
        var before = JsonSerializer.Serialize(new PublishedMap(map, board), MapJson.Storage.PublishedMap);
        Assert.InRange(before.Length, 2 * DocumentColumns.MaxLength, 3 * DocumentColumns.MaxLength);

        // Act
        await Store.PutPublishedAsync(scope.TeamKey, "big", 1, new PublishedMap(map, board), Cancel);
        await Store.PutPublishedAsync(scope.TeamKey, "big", 2, new PublishedMap(map, MapBoard.Empty), Cancel);
        var requests = Fixture.Metrics.Total;
        var first = await Store.GetPublishedAsync(scope.TeamKey, "big", 1, Cancel);
        requests = Fixture.Metrics.Total - requests;
        var second = await Store.GetPublishedAsync(scope.TeamKey, "big", 2, Cancel);
        var none = await Store.GetPublishedAsync(scope.TeamKey, "big", 3, Cancel);

        // Assert
        Assert.Equal(before, JsonSerializer.Serialize(first, MapJson.Storage.PublishedMap));
        Assert.Equal(1, requests);
        Assert.Empty(second!.Board.Items);
        Assert.Null(none);
        Assert.Equal(3, (await RowAsync(scope.TeamKey, RowKeys.PublishedPart("big", 1, 0))).GetInt32(MapRows.PartsProperty));
    }

    [Fact]
    public async Task A_12_stage_2000_item_snapshot_with_its_actions_saves_reads_back_whole_and_lists()
    {
        // Arrange: the most a map holds (MapLimits), each item of the longest text, over twelve stages;
        // 200 actions with their history, as the version keeps them.
        var scope = Maps.NewScope();
        var map = Maps.NewMap(scope, "full");
        for (var s = 1; s <= 12; s++)
        {
            map.AddStage($"Stage {s} — Αγορά");
        }

        map.Status = MapStatus.Published;
        map.PublishedVersion = 1;
        map.PublishedAt = Maps.Morning;
        map.PublishedBy = new Person("29:1ana", "Ana");
        var items = Enumerable.Range(0, MapLimits.ItemsPerMap).Select(i => Maps.NewItem($"k{i:0000}", i, $"Item {i:0000} " + new string('x', 490))
            with { StageId = map.Stages[i % 12].Id, Evidence = (Evidence)(i % 3) }).ToList();
        var actions = Enumerable.Range(0, 200).Select(i => new Conversation.Actions.OwnedAction
        {
            Id = $"k{i:0000}", StageId = map.Stages[i % 12].Id, Text = new string('a', 500), Owner = new Person("29:1ana", "Ana"),
            Due = new DateOnly(2027, 1, 1), CreatedBy = new Person("29:1ana", "Ana"), CreatedAt = Maps.Morning,
            History = [.. Enumerable.Range(0, 5).Select(h => new Conversation.Actions.ActionChange(Maps.Morning, new Person("29:1ana", "Ana"), Conversation.Actions.ActionChangeKind.DueChanged))],
        }).ToList();
        var published = new PublishedMap(map, new MapBoard(items, new Dictionary<string, IReadOnlyList<string>>()), new Conversation.Actions.MapActions(actions, []));
        var json = JsonSerializer.Serialize(published, MapJson.Storage.PublishedMap);

        // Act
        await Store.PutPublishedAsync(scope.TeamKey, "full", 1, published, Cancel);
        var read = await Store.GetPublishedAsync(scope.TeamKey, "full", 1, Cancel);
        var listed = await Store.ListPublishedAsync(scope.TeamKey, "full", Cancel);

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine($"snapshot: {json.Length:N0} characters");
        Assert.True(json.Length > DocumentColumns.MaxLength, "the snapshot must need more than one entity");
        Assert.Equal(json, JsonSerializer.Serialize(read, MapJson.Storage.PublishedMap));
        Assert.Equal(new Conversation.Versions.VersionLine(1, Maps.Morning, "Ana", MapLimits.ItemsPerMap), Assert.Single(listed.Kept));
    }

    [Fact]
    public async Task An_item_longer_than_one_property_round_trips()
    {
        // Arrange: an emoji every few characters; the JSON writes each as a \uXXXX pair, which a part
        // boundary may split, and the item must still come back whole.
        var text = "x" + string.Concat(Enumerable.Repeat("ab😀", 20_000));
        var team = Maps.NewScope().TeamKey;

        // Act
        await Store.PutItemAsync(team, "m", Maps.NewItem("long", text: text), Cancel);

        // Assert
        Assert.Equal(text, Assert.Single((await Store.GetBoardAsync(team, "m", Cancel)).Items).Text);
    }
}
