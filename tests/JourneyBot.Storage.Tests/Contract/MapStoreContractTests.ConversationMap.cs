using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task GetConversationMap_when_the_conversation_holds_none_returns_null()
    {
        Assert.Null(await Store.GetConversationMapAsync(Maps.NewScope(), Cancel));
    }

    [Fact]
    public async Task TryPlace_then_GetConversationMap_round_trips_the_map_and_its_version()
    {
        // Arrange
        var scope = Maps.NewScope();
        var map = Maps.NewMap(scope);
        map.AddStage("Discover");
        map.ProgressActivityId = "1740000000001";
        map.Remember("activity-1");

        // Act
        var etag = await Store.TryPlaceAsync(scope, map, null, Cancel);
        var stored = await Store.GetConversationMapAsync(scope, Cancel);

        // Assert
        Assert.NotNull(etag);
        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(Maps.Json(map), Maps.Json(stored.Map));
    }

    [Fact]
    public async Task TrySave_with_a_stale_ETag_returns_null_and_succeeds_after_a_reload()
    {
        // Arrange
        var scope = Maps.NewScope();
        var read = await HoldAsync(scope, "m");
        var first = read.ETag;
        read.Map.Persona = "First-time buyer";
        var second = await Store.TrySaveAsync(scope, read, Cancel);

        // Act
        read.Map.Persona = "Returning buyer";
        var stale = await Store.TrySaveAsync(scope, read, Cancel);
        var reloaded = await HeldAsync(scope);
        reloaded.Map.StartPoint = "Sees an ad";
        var third = await Store.TrySaveAsync(scope, reloaded, Cancel);

        // Assert
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Null(stale);
        Assert.Equal("First-time buyer", reloaded.Map.Persona);
        Assert.NotNull(third);
        var final = await HeldAsync(scope);
        Assert.Equal(third, final.ETag);
        Assert.Equal("Sees an ad", final.Map.StartPoint);
    }

    [Fact]
    public async Task TrySave_updates_the_maps_line_on_the_shelf()
    {
        // Arrange
        var scope = Maps.NewScope();
        var read = await HoldAsync(scope, "m1");
        read.Map.Name = "Onboarding v2";
        read.Map.Status = MapStatus.Published;

        // Act
        await Store.TrySaveAsync(scope, read, Cancel);

        // Assert
        var line = Assert.Single(await Store.ListMapsAsync(scope.TeamKey, Cancel));
        Assert.Equal(("m1", "Onboarding v2", MapStatus.Published, scope.ConversationKey), (line.Id, line.Name, line.Status, line.ConversationKey));
    }

    [Fact]
    public async Task TryPlace_without_replacing_when_the_conversation_holds_a_map_returns_null()
    {
        // Arrange
        var scope = Maps.NewScope();
        await HoldAsync(scope, "first");

        // Act
        var etag = await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "second"), null, Cancel);

        // Assert
        Assert.Null(etag);
        Assert.Equal("first", (await HeldAsync(scope)).Map.Id);
        Assert.Equal(["first"], await MapIdsAsync(scope.TeamKey));
    }

    [Fact]
    public async Task TryPlace_replacing_moves_the_old_map_to_the_shelf_with_its_document_and_status()
    {
        // Arrange
        var scope = Maps.NewScope();
        var old = Maps.NewMap(scope, "old", "Returns");
        old.Status = MapStatus.Archived;
        await Store.TryPlaceAsync(scope, old, null, Cancel);
        var held = await HeldAsync(scope);

        // Act
        var etag = await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "new", "Checkout"), held, Cancel);

        // Assert
        Assert.NotNull(etag);
        var now = await HeldAsync(scope);
        Assert.Equal(("new", etag), (now.Map.Id, now.ETag));
        var shelved = await Store.GetShelvedMapAsync(scope.TeamKey, "old", Cancel);
        Assert.NotNull(shelved);
        Assert.Equal(Maps.Json(old), Maps.Json(shelved));
        Assert.Null(await Store.GetShelvedMapAsync(scope.TeamKey, "new", Cancel));
        var lines = (await Store.ListMapsAsync(scope.TeamKey, Cancel)).ToDictionary(m => m.Id);
        Assert.Equal(MapStatus.Archived, lines["old"].Status);
        Assert.Equal(MapStatus.Active, lines["new"].Status);
    }

    [Fact]
    public async Task TryPlace_replacing_a_stale_version_returns_null_and_changes_nothing()
    {
        // Arrange
        var scope = Maps.NewScope();
        var stale = await HoldAsync(scope, "held");
        await Store.TrySaveAsync(scope, stale, Cancel);

        // Act
        var etag = await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "other"), stale, Cancel);

        // Assert
        Assert.Null(etag);
        Assert.Equal("held", (await HeldAsync(scope)).Map.Id);
        Assert.Null(await Store.GetShelvedMapAsync(scope.TeamKey, "held", Cancel));
        Assert.Equal(["held"], await MapIdsAsync(scope.TeamKey));
    }

    [Fact]
    public async Task Placing_a_shelved_map_back_clears_its_shelf_document()
    {
        // Arrange: A is shelved by B.
        var scope = Maps.NewScope();
        var heldA = await HoldAsync(scope, "a");
        heldA.Map.Status = MapStatus.Archived;
        await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "b"), heldA, Cancel);
        var shelvedA = (await Store.GetShelvedMapAsync(scope.TeamKey, "a", Cancel))!;
        var heldB = await HeldAsync(scope);

        // Act: open A again.
        shelvedA.Status = MapStatus.Active;
        var etag = await Store.TryPlaceAsync(scope, shelvedA, heldB, Cancel);

        // Assert
        Assert.NotNull(etag);
        Assert.Equal("a", (await HeldAsync(scope)).Map.Id);
        Assert.Null(await Store.GetShelvedMapAsync(scope.TeamKey, "a", Cancel));
        Assert.NotNull(await Store.GetShelvedMapAsync(scope.TeamKey, "b", Cancel));
        var lines = (await Store.ListMapsAsync(scope.TeamKey, Cancel)).ToDictionary(m => m.Id);
        Assert.Equal(MapStatus.Active, lines["a"].Status);
    }

    [Fact]
    public async Task TryPlace_of_the_map_the_conversation_holds_replaces_it_in_place()
    {
        // Arrange
        var scope = Maps.NewScope();
        var held = await HoldAsync(scope, "same");
        var again = Maps.NewMap(scope, "same", "Renamed");

        // Act
        var etag = await Store.TryPlaceAsync(scope, again, held, Cancel);

        // Assert
        Assert.NotNull(etag);
        Assert.Equal("Renamed", (await HeldAsync(scope)).Map.Name);
        Assert.Null(await Store.GetShelvedMapAsync(scope.TeamKey, "same", Cancel));
    }
}
